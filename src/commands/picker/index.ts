import { Effect, Option } from "effect"
import type { CommandServices } from "../services.js"
import { isPathSafeAppName } from "../../scalingo/appName.js"
import { staleButton } from "../../runtime/errorMessages.js"
import type { Feature, Handler } from "../../runtime/feature.js"
import type { ButtonClick, SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { APP_PICKER_ACTION, PickerTargetCodec } from "./pickerView.js"

/**
 * An app chosen in the picker: the command it was shown for goes on with that app, as if it had been
 * typed (`restart my-app web`), answering in place of the picker.
 */
export const pickerFeature = (
  subcommands: Readonly<Record<string, Handler<SlashInvocation, CommandServices>>>
): Feature<CommandServices> => {
  const appPicked: Handler<ButtonClick, CommandServices> = (click) => {
    const target = PickerTargetCodec.decode(click.blockId)
    const name = Option.map(target, (t) => t.s)
    const handler = Option.isSome(name) && Object.hasOwn(subcommands, name.value) ? subcommands[name.value] : undefined
    if (handler === undefined || Option.isNone(target) || !isPathSafeAppName(click.value)) {
      return Effect.succeed(Reply.Private({ message: staleButton(click.command), replace: true }))
    }
    const words = [click.value, ...target.value.w]
    const invocation: SlashInvocation = {
      person: click.person,
      command: click.command,
      receivedAt: click.receivedAt,
      channelId: click.channelId ?? "",
      text: [target.value.s, ...words].join(" "),
      triggerId: click.triggerId ?? "",
      responseUrl: click.responseUrl ?? ""
    }
    return handler(invocation, words)
  }
  return { buttons: { [APP_PICKER_ACTION]: appPicked } }
}
