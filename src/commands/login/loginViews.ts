import { context, type Message, message, section } from "../../blockKit/blocks.js"
import { plain, trustedLink } from "../../blockKit/text.js"
import { input, modal, textInput, type View } from "../../blockKit/views.js"
import { TOKENS_PAGE } from "../../runtime/errorMessages.js"

export const LOGIN_CALLBACK = "login"
export const TOKEN_BLOCK = "token"
export const TOKEN_ACTION = "token"

const TITLE = "Link Scalingo"

/** The token form; `problem` is shown under the field when a slow check failed after the modal moved on. */
export const loginForm = (privateMetadata: string, problem?: string): View =>
  modal({
    callbackId: LOGIN_CALLBACK,
    title: TITLE,
    submit: "Link account",
    close: "Cancel",
    privateMetadata,
    blocks: [
      section(
        `Paste a Scalingo API token. Create one on ${trustedLink(TOKENS_PAGE, "your dashboard's token page")} ` +
          `(name it e.g. "Slack").`
      ),
      input({
        blockId: TOKEN_BLOCK,
        label: "API token",
        element: textInput({ actionId: TOKEN_ACTION, placeholder: "tk-us-…", maxLength: 300 })
      }),
      ...(problem !== undefined ? [context(`:warning: ${problem}`)] : []),
      context("Your token is stored encrypted and used only for requests you make. `logout` forgets it.")
    ]
  })

export const checkingView = (privateMetadata: string): View =>
  modal({
    callbackId: LOGIN_CALLBACK,
    title: TITLE,
    close: "Close",
    privateMetadata,
    blocks: [
      section(
        ":hourglass_flowing_sand: Checking your token with Scalingo… " +
          "You can close this window; you will be told when it is done."
      )
    ]
  })

const linkedText = (username: string, email: string) =>
  `:white_check_mark: You now act as the Scalingo account *${plain(username)}* (${plain(email)}).`

export const linkedView = (username: string, email: string): View =>
  modal({
    callbackId: LOGIN_CALLBACK,
    title: TITLE,
    close: "Done",
    blocks: [section(`:white_check_mark: Linked to the Scalingo account *${plain(username)}* (${plain(email)}).`)]
  })

export const failedView = (text: string): View =>
  modal({ callbackId: LOGIN_CALLBACK, title: TITLE, close: "Close", blocks: [section(text)] })

/** The private confirmation: only the person sees their e-mail address. */
export const linkedMessage = (username: string, email: string): Message =>
  message(`Linked to Scalingo account ${username}`, [section(linkedText(username, email))])
