import { code, shortCommit } from "../blockKit/text.js"
import type { Deployment } from "../scalingo/schemas/deployment.js"

/**
 * What a person knows a deployment by: its commit, short as Git shows it. Never Scalingo's deployment id,
 * which means nothing to anyone reading the channel.
 */
export const deploymentCommit = (d: Deployment): string =>
  d.git_ref !== undefined && d.git_ref !== "" ? code(shortCommit(d.git_ref), 40) : "an unknown commit"

/** "deployment `58c778f` of `app`", or "a deployment of `app`" when Scalingo names no commit. */
export const deploymentOf = (app: string, commit: string | undefined): string =>
  commit !== undefined && commit !== ""
    ? `deployment ${code(shortCommit(commit), 40)} of ${code(app)}`
    : `a deployment of ${code(app)}`
