/**
 * One raw event per Scalingo event type, shaped exactly as the API sends them.
 * PLACEHOLDER: being completed to all 96 types.
 */
export type RawEvent = Record<string, unknown>

export const eventSamples: ReadonlyArray<RawEvent> = [
  {
    id: "54dcdd4a73636100011a0000", created_at: "2015-02-12T18:05:14.226+01:00", type: "new_app",
    user: { username: "john", email: "john@doe.com", id: "us-5b7f2c3e-0000-4000-8000-000000000001" },
    app_id: "54100930736f7563d5030000", app_name: "example-app", type_data: { git_source: "" }
  },
  {
    id: "54dcdd4a73636100011a0001", created_at: "2015-02-12T18:06:14.226+01:00", type: "restart",
    user: { username: "john", email: "john@doe.com", id: "us-5b7f2c3e-0000-4000-8000-000000000001" },
    app_id: "54100930736f7563d5030000", app_name: "example-app", type_data: { scope: ["web"], reason: "user_restart" }
  }
]
