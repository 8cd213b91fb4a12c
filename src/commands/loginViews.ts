import { context, escapeMrkdwn, plainText, section, type View } from "../slack/blocks.js"

export const LOGIN_CALLBACK = "login"
export const TOKEN_BLOCK = "token"
export const TOKEN_ACTION = "token"
export const TOKENS_PAGE = "https://dashboard.scalingo.com/account/tokens"

const base = { type: "modal" as const, callback_id: LOGIN_CALLBACK, title: plainText("Link Scalingo", 24) }

/** The token form; `problem` is shown under the field when a slow check failed after the modal moved on. */
export const loginForm = (privateMetadata: string, problem?: string): View => ({
  ...base,
  private_metadata: privateMetadata,
  submit: plainText("Link account", 24),
  close: plainText("Cancel", 24),
  blocks: [
    section(
      `Paste a Scalingo API token. Create one at <${TOKENS_PAGE}|your dashboard's token page> (name it e.g. "Slack").`
    ),
    {
      type: "input",
      block_id: TOKEN_BLOCK,
      label: plainText("API token", 2000),
      element: {
        type: "plain_text_input",
        action_id: TOKEN_ACTION,
        placeholder: plainText("tk-us-…", 150),
        max_length: 300
      }
    },
    ...(problem !== undefined ? [context(`:warning: ${problem}`)] : []),
    context("Your token is stored encrypted and used only for requests you make. `logout` forgets it.")
  ]
})

export const checkingView = (privateMetadata: string): View => ({
  ...base,
  private_metadata: privateMetadata,
  close: plainText("Close", 24),
  blocks: [
    section(
      ":hourglass_flowing_sand: Checking your token with Scalingo… You can close this window; you will be told when it is done."
    )
  ]
})

export const linkedView = (username: string, email: string): View => ({
  ...base,
  close: plainText("Done", 24),
  blocks: [
    section(`:white_check_mark: Linked to the Scalingo account *${escapeMrkdwn(username)}* (${escapeMrkdwn(email)}).`)
  ]
})

export const failedView = (text: string): View => ({
  ...base,
  close: plainText("Close", 24),
  blocks: [section(text)]
})

export const TOKEN_SHAPE_PROBLEM =
  "This does not look like a Scalingo API token: they start with `tk-us-` followed by letters and digits."
export const TOKEN_REJECTED_PROBLEM =
  "Scalingo rejected this token. Check that you copied all of it, or create a new one."
