import { eventVariant } from "./base.js"
import { lenientArray, lenientStruct, Text } from "./lenient.js"

/**
 * Environment variable events. Scalingo sends each variable's `value` (and `old_value`): they are
 * deliberately NOT decoded, so a secret never enters the bot's memory, let alone a Slack message.
 */

const VariableNames = lenientArray(lenientStruct({ name: Text }))
/** The docs' "edit multiple variables" example is typed `edit_variable`: accept both shapes on both. */
const VariableChanges = { new_vars: VariableNames, updated_vars: VariableNames, deleted_vars: VariableNames }

export const NewVariable = eventVariant("new_variable", { name: Text, addon_name: Text })
export const EditVariable = eventVariant("edit_variable", { name: Text, addon_name: Text, ...VariableChanges })
export const EditVariables = eventVariant("edit_variables", { ...VariableChanges, addon_name: Text })
export const DeleteVariable = eventVariant("delete_variable", { name: Text, addon_name: Text })

export const VariableEvents = [NewVariable, EditVariable, EditVariables, DeleteVariable] as const
export type VariableEventType = (typeof VariableEvents)[number]["Type"]["type"]
