import { actions, type Block, button, context, divider, header, section } from "../../blockKit/blocks.js"
import { code, plain } from "../../blockKit/text.js"
import { home, type HomeView } from "../../blockKit/views.js"
import type { Star } from "../../storage/Stars.js"
import type { Subscription } from "../../storage/Subscriptions.js"
import { statusEmoji } from "../info/infoView.js"
import { RUN_ACTION, runValue } from "../../runtime/references.js"

export const HOME_LINK_ACTION = "home_link"
/** Two blocks a star, within the App Home's 100 blocks with room for the rest. */
const MAX_STARS = 30
const MAX_SUBSCRIPTIONS = 30

export interface HomeFacts {
  readonly account: { readonly username: string; readonly rejected: boolean } | undefined
  readonly stars: ReadonlyArray<Star>
  /** Each starred app's status by `app/region`; undefined when it could not be read. */
  readonly statuses: ReadonlyMap<string, string> | undefined
  readonly subscriptions: ReadonlyArray<Subscription>
  readonly command: string
}

const accountBlocks = (facts: HomeFacts): Array<Block> => {
  if (facts.account === undefined) {
    return [
      section(
        "You have not linked a Scalingo account yet: the bot acts with your own account only.",
        button({ actionId: HOME_LINK_ACTION, text: "Link my account", value: "link", style: "primary" })
      )
    ]
  }
  const who = `*${plain(facts.account.username, 60)}*`
  return facts.account.rejected
    ? [
        section(
          `:warning: You were linked as ${who}, but Scalingo no longer accepts its token.`,
          button({ actionId: HOME_LINK_ACTION, text: "Link again", value: "link", style: "primary" })
        )
      ]
    : [section(`:bust_in_silhouette: You act as the Scalingo account ${who}.`)]
}

const starBlocks = (facts: HomeFacts): Array<Block> => {
  if (facts.stars.length === 0) {
    return [context(`No starred apps yet: press *Star* on an app card (\`${facts.command} info <app>\`).`)]
  }
  return facts.stars.slice(0, MAX_STARS).flatMap((star, i) => {
    const status = facts.statuses?.get(`${star.app}/${star.region}`)
    const shown = status === undefined ? ":grey_question: status unknown" : `${statusEmoji(status)} ${plain(status)}`
    return [
      section(`*${plain(star.app, 70)}* · ${shown} · ${code(star.region)}`),
      actions(`home_star_${i}`, [
        button({ actionId: RUN_ACTION, text: "Info", value: runValue("info", star.app) }),
        button({ actionId: RUN_ACTION, text: "Logs", value: runValue("logs", star.app) }),
        button({ actionId: RUN_ACTION, text: "Unstar", value: runValue("unstar", star.app) })
      ])
    ]
  })
}

const subscriptionLine = (s: Subscription) =>
  `<#${s.channelId}> · ${code(s.app)} (${code(s.region)}) · ${s.follows.map((f) => plain(f)).join(", ")}` +
  (s.pausedAt !== null ? " · _paused_" : "")

/** The person's App Home: their account, their starred apps with status, their channels' subscriptions. */
export const homeView = (facts: HomeFacts): HomeView =>
  home([
    header("Scalingo"),
    ...accountBlocks(facts),
    divider(),
    section("*Starred apps*"),
    ...starBlocks(facts),
    ...(facts.statuses === undefined && facts.stars.length > 0 && facts.account !== undefined
      ? [context(":warning: Scalingo did not answer in time: statuses are unknown for now.")]
      : []),
    divider(),
    section("*Subscriptions in your channels*"),
    facts.subscriptions.length === 0
      ? context("None that the bot knows of, in the channels where you used it.")
      : section(facts.subscriptions.slice(0, MAX_SUBSCRIPTIONS).map(subscriptionLine).join("\n")),
    context("Statuses are at most a minute old. Everything here is visible only to you.")
  ])

export const starredMessage = (app: string, starred: boolean, command: string) =>
  starred
    ? `:star: ${code(app)} is starred: it is on your App Home (the bot's Home tab) with its status.`
    : `${code(app)} is no longer starred. \`${command} star ${app}\` stars it again.`
