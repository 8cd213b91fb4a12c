import {
  actions,
  type Block,
  button,
  context,
  fitsInMessage,
  type Message,
  message,
  section
} from "../../blockKit/blocks.js"
import { code, codeBlock, plain, shortCommit } from "../../blockKit/text.js"
import type { DeploymentsPageResult } from "../../scalingo/schemas/deployment.js"
import { deploymentOf } from "../../views/commit.js"
import { tailOf } from "../../views/logTail.js"
import { NEXT_PAGE, PREVIOUS_PAGE } from "../events/eventsView.js"
import { deploymentLine } from "../info/infoView.js"
import { BUILD_LOG_ACTION, BuildLogTarget, DEPLOYMENTS_PAGE_ACTION, DeploymentsCursor } from "./deploymentsCursor.js"

export const deploymentsParentMessage = (app: string, userId: string): Message =>
  message(`Deployments of ${app}`, [
    section(`:rocket: *Deployments of ${plain(app)}*, asked by <@${userId}>`),
    context("Pages are posted in this thread, newest first; each deployment's button posts its build log here.")
  ])

/** One page of deployments, each with a button posting its build log in the thread. */
export const deploymentsPageMessage = (
  page: DeploymentsPageResult,
  cursor: DeploymentsCursor,
  askedBy: string
): Message => {
  const { currentPage, prevPage, nextPage, totalPages, totalCount } = page.pagination
  const blocks: Array<Block> = [
    context(
      `Page ${currentPage} of ${Math.max(totalPages, 1)} · ${totalCount} deployments of ${code(cursor.a)} · ` +
        `region ${code(cursor.r)} · asked by <@${askedBy}>`
    )
  ]
  for (const d of page.deployments) {
    const line = section(
      deploymentLine(d),
      button({
        actionId: BUILD_LOG_ACTION,
        text: "Build log",
        value: BuildLogTarget.encode({
          a: cursor.a,
          r: cursor.r,
          d: d.id,
          ...(d.git_ref ? { c: shortCommit(d.git_ref).slice(0, 40) } : {}),
          t: cursor.t
        })
      })
    )
    if (!fitsInMessage([...blocks, line])) break
    blocks.push(line)
  }
  if (page.deployments.length === 0) blocks.push(section("There are no deployments yet."))
  const buttons = [
    ...(prevPage !== null && prevPage >= 1
      ? [
          button({
            actionId: DEPLOYMENTS_PAGE_ACTION,
            text: PREVIOUS_PAGE,
            value: DeploymentsCursor.encode({ ...cursor, p: prevPage, b: 1 })
          })
        ]
      : []),
    ...(nextPage !== null && nextPage > currentPage
      ? [
          button({
            actionId: DEPLOYMENTS_PAGE_ACTION,
            text: NEXT_PAGE,
            value: DeploymentsCursor.encode({ a: cursor.a, r: cursor.r, n: cursor.n, t: cursor.t, p: nextPage }),
            style: "primary"
          })
        ]
      : [])
  ]
  if (buttons.length > 0) blocks.push(actions("deployments_pages", buttons))
  return message(`Page ${currentPage} of ${Math.max(totalPages, 1)}: deployments of ${cursor.a}`, blocks)
}

/** `commit`: the deployment's short commit, when Scalingo named one (its id means nothing to people). */
export const buildLogMessage = (
  app: string,
  commit: string | undefined,
  log: string | undefined,
  askedBy: string
): Message => {
  const which = deploymentOf(app, commit)
  if (log === undefined) {
    return message(`No build log for ${app}`, [section(`There is no build log for ${which}.`)])
  }
  return message(`Build log of ${app}`, [
    context(`Build log of ${which}, asked by <@${askedBy}>`),
    section(codeBlock(tailOf(log).tail))
  ])
}

/** The words beside a build log too long for a message, posted as a file alone. */
export const buildLogComment = (app: string, commit: string | undefined, askedBy: string): string =>
  `Build log of ${deploymentOf(app, commit)}, asked by <@${askedBy}>: too long for a message, so here it is whole.`
