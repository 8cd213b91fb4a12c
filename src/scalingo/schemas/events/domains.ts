import { eventVariant } from "./base.js"
import { Bool, Text } from "./lenient.js"

/** Domain events. The docs' `new_domain` example names the host `name`; Go reads `hostname`. */

export const NewDomain = eventVariant("new_domain", { hostname: Text, name: Text, ssl: Bool })
export const EditDomain = eventVariant("edit_domain", { hostname: Text, name: Text, ssl: Bool, old_ssl: Bool })
export const DeleteDomain = eventVariant("delete_domain", { hostname: Text, name: Text })

export const DomainEvents = [NewDomain, EditDomain, DeleteDomain] as const
export type DomainEventType = (typeof DomainEvents)[number]["Type"]["type"]
