import { Effect, Schema } from "effect"
import { AppDirectory } from "../../accounts/AppDirectory.js"
import { code } from "../../blockKit/text.js"
import { AppsApi } from "../../scalingo/AppsApi.js"
import type { App } from "../../scalingo/schemas/app.js"
import type { ChangeKind } from "../../runtime/changes/kinds.js"

/** A new app: its name and region are the change's target; the form is its confirmation. */
export const CreateChange = Schema.TaggedStruct("Create", {})
export type CreateChange = typeof CreateChange.Type

export const createKind: ChangeKind<CreateChange, App> = {
  action: "create",
  words: { emoji: ":tada:", ongoing: "creating", done: "created", noun: "creation" },
  question: (_, target) => ({ title: "Create", lines: [`Creates ${code(target.app)} in ${code(target.region)}.`] }),
  guards: () => [],
  what: (_, target) => `${code(target.app)} in ${code(target.region)}`,
  audit: () => undefined,
  // The person's app list now misses the new app: it is read again next time.
  send: (_, target, account) =>
    Effect.flatMap(Effect.all([AppsApi, AppDirectory]), ([apps, directory]) =>
      apps.create(account, target.region, { name: target.app }).pipe(Effect.tap(() => directory.forget(account)))
    ),
  ref: (app) => app.id,
  progress: () => undefined
}
