import { Effect } from "effect"
import { logWithReference } from "../../runtime/errorMessages.js"
import type { Person } from "../../runtime/interaction/Interaction.js"
import { serve } from "../../runtime/interaction/serve.js"
import { show } from "../../runtime/replies/Replies.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { openedHome } from "./home.js"

/**
 * Slack's `app_home_opened` (Events API or Socket Mode): the person's App Home, published. Nobody asked
 * a question, so a failure is only logged (with a reference), never sent to them as a message.
 */
export const handleHomeOpened = (opened: { readonly person: Person; readonly command: string }) =>
  serve(
    {
      what: "home published",
      span: "AppHomeOpened",
      name: ["event", "app_home_opened"],
      command: opened.command,
      origin: { person: opened.person }
    },
    Effect.suspend(() => Effect.flatMap(openedHome(opened.person, opened.command), show)).pipe(
      Effect.catchAllCause((cause) => logWithReference("could not publish the App Home", cause)),
      Effect.as(Reply.Nothing())
    )
  )
