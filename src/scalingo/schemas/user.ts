import { Schema } from "effect"

/** The account behind a token, from `GET {auth}/v1/users/self`. */
export const User = Schema.Struct({
  id: Schema.String,
  username: Schema.String,
  email: Schema.String,
  fullname: Schema.optionalWith(Schema.String, { nullable: true })
})
export type User = typeof User.Type

export const UserResponse = Schema.Struct({ user: User })
