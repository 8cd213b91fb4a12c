import type { PageInfo } from "./schemas/pagination.js"

/** Paging shared by Scalingo's paginated lists (events, deployments). */

export interface PageRequest {
  readonly page: number
  readonly perPage: number
}

/** Scalingo's largest page is undocumented; 100 is what its clients use (scalingo-api.md §4.2). */
export const MAX_PER_PAGE = 100

/** `page` and `per_page`, always both: Scalingo's default page size is undocumented. */
export const pageParams = ({ page, perPage }: PageRequest): Record<string, string> => ({
  page: String(Math.max(1, Math.floor(page) || 1)),
  per_page: String(Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(perPage) || 1)))
})

/**
 * A page whose pagination is missing reads as "page 1 of 1"; when a later page was asked for, it is
 * that page, with a previous one, so the person can still page back.
 */
export const onRequestedPage = <R extends { readonly pagination: PageInfo }>(result: R, requested: number): R =>
  requested > 1 &&
  result.pagination.currentPage === 1 &&
  result.pagination.totalPages === 1 &&
  result.pagination.prevPage === null
    ? {
        ...result,
        pagination: { ...result.pagination, currentPage: requested, prevPage: requested - 1, totalPages: requested }
      }
    : result
