import {
  BadRequest,
  Conflict,
  Forbidden,
  InvalidInput,
  NotFound,
  PaymentRequired,
  type ScalingoError,
  ScalingoUnavailable,
  TokenRejected,
  Unauthorized,
  UnexpectedResponse
} from "./errors.js"

/** Shorter values could match ordinary words; every secret worth hiding is longer. */
const MIN_SECRET = 8

/**
 * The error with every text Scalingo wrote into it cleared of `secrets` (a webhook URL we sent, a
 * `logs_url` token), should Scalingo quote what it was given. The pipeline already hides the API
 * token and the bearer; these are secrets only the calling service knows.
 */
export const hideSecrets =
  (secrets: ReadonlyArray<string>) =>
  (error: ScalingoError): ScalingoError => {
    const hidden = secrets.filter((secret) => secret.length >= MIN_SECRET)
    if (hidden.length === 0) return error
    const hide = (text: string) => hidden.reduce((clean, secret) => clean.split(secret).join("[redacted]"), text)
    const origin = {
      ...(error.request === undefined ? {} : { request: error.request }),
      ...(error.app === undefined ? {} : { app: error.app })
    }
    const optional = <K extends string>(key: K, value: string | undefined) =>
      (value === undefined ? {} : { [key]: hide(value) }) as { readonly [P in K]?: string }
    switch (error._tag) {
      case "Unauthorized":
        return new Unauthorized({ message: hide(error.message), ...origin })
      case "TokenRejected":
        return new TokenRejected({ message: hide(error.message), ...origin })
      case "BadRequest":
        return new BadRequest({ message: hide(error.message), ...origin })
      case "Conflict":
        return new Conflict({ message: hide(error.message), ...origin })
      case "PaymentRequired":
        return new PaymentRequired({
          message: hide(error.message),
          ...optional("url", error.url),
          ...optional("name", error.name),
          ...origin
        })
      case "Forbidden":
        return new Forbidden({ message: hide(error.message), ...optional("code", error.code), ...origin })
      case "NotFound":
        return new NotFound({ resource: hide(error.resource), message: hide(error.message), ...origin })
      case "InvalidInput":
        return new InvalidInput({
          fields: Object.fromEntries(
            Object.entries(error.fields).map(([field, messages]) => [hide(field), messages.map(hide)])
          ),
          ...origin
        })
      case "ScalingoUnavailable":
        return new ScalingoUnavailable({
          reason: error.reason,
          ...(error.status === undefined ? {} : { status: error.status }),
          mayHaveApplied: error.mayHaveApplied,
          message: hide(error.message),
          ...origin
        })
      case "UnexpectedResponse":
        return new UnexpectedResponse({ status: error.status, detail: hide(error.detail), ...origin })
      case "RateLimited":
        return error
    }
  }
