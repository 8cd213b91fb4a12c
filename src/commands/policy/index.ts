import { type ChangeWords, POLICY_ACTIONS } from "../../policies/policy.js"
import { declare } from "../../runtime/declarations.js"
import type { Feature } from "../../runtime/feature.js"
import { policy } from "./policy.js"

/** `policy`, knowing the command words that name a change (from the other commands' declarations). */
export const policyFeature = (changeWords: ChangeWords): Feature => ({
  commands: [
    declare({
      word: "policy",
      group: "admin",
      summary: "what this channel allows, and (admins) limiting it",
      forms: [
        { usage: "policy", example: "policy", what: "what this channel allows and who can change it" },
        {
          usage: "policy read-only | allow <action> … | apps <name or prefix*> … | reset",
          example: "policy allow restart scale",
          what: `admins: limit what can be changed here (${POLICY_ACTIONS.join(", ")}) and which apps`
        }
      ],
      policy: "read",
      app: "none",
      fromButtons: false,
      handler: policy(changeWords)
    })
  ]
})
