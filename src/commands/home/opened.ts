import { Effect } from "effect"
import type { Person } from "../interaction/Interaction.js"
import { serve } from "../interaction/serve.js"
import { openedHome } from "./home.js"

/** Slack's `app_home_opened` (Events API or Socket Mode): the person's App Home, published. */
export const handleHomeOpened = (opened: { readonly person: Person; readonly command: string }) =>
  serve(
    {
      what: "home published",
      span: "AppHomeOpened",
      name: ["event", "app_home_opened"],
      command: opened.command,
      origin: { person: opened.person }
    },
    Effect.suspend(() => openedHome(opened.person, opened.command))
  )
