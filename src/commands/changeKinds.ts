import { Schema } from "effect"
import { declareKinds } from "../runtime/changes/kinds.js"
import { CreateChange, createKind } from "./create/createKind.js"
import { RestartChange, restartKind } from "./restart/restartKind.js"
import { ScaleChange, scaleKind } from "./scale/scaleKind.js"

/**
 * Every kind of change the bot can send, declared once each: a new kind is a member of this union and
 * an entry of the table (a member without its entry fails the type check).
 */
export const Change = Schema.Union(CreateChange, RestartChange, ScaleChange)
export type Change = typeof Change.Type

export const changeKinds = declareKinds(Change, { Create: createKind, Restart: restartKind, Scale: scaleKind })
