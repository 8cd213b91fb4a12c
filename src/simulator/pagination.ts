import { json, type Reply } from "./reply.js"

/** Scalingo's `page` / `per_page` pagination with `meta.pagination` (DOC index.md), for any list. */

const DEFAULT_PER_PAGE = 30
const MAX_PER_PAGE = 100

export const positive = (value: string | undefined): number | undefined => {
  const parsed = value === undefined ? Number.NaN : Number.parseInt(value, 10)
  return Number.isFinite(parsed) && parsed >= 1 ? parsed : undefined
}

/** `{<root>: [...], meta.pagination}`; a page past the last is empty with truthful meta. */
export const paginate = <A>(root: string, items: ReadonlyArray<A>, page: number, perPage: number): Reply => {
  const totalCount = items.length
  const totalPages = Math.ceil(totalCount / perPage)
  return json(200, {
    [root]: items.slice((page - 1) * perPage, page * perPage),
    meta: {
      pagination: {
        current_page: page,
        prev_page: page > 1 ? page - 1 : null,
        next_page: page < totalPages ? page + 1 : null,
        total_pages: totalPages,
        total_count: totalCount
      }
    }
  })
}

export const pageFromQuery = <A>(root: string, items: ReadonlyArray<A>, query: Record<string, string>): Reply =>
  paginate(
    root,
    items,
    positive(query["page"]) ?? 1,
    Math.min(positive(query["per_page"]) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE)
  )
