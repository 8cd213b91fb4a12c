import { eventVariant } from "./base.js"
import { Text } from "./lenient.js"

/** Account security events: logins, passwords, two-factor, API tokens, SSH keys (no app fields). */

const Security = { remote_ip: Text }
const Token = { token_name: Text, token_id: Text }
const Key = { name: Text, fingerprint: Text }

export const NewUser = eventVariant("new_user", {})
export const LoginSuccess = eventVariant("login_success", Security)
export const LoginFailure = eventVariant("login_failure", Security)
export const LoginLock = eventVariant("login_lock", Security)
export const LoginUnlockSuccess = eventVariant("login_unlock_success", Security)
export const PasswordResetQuery = eventVariant("password_reset_query", Security)
export const PasswordResetSuccess = eventVariant("password_reset_success", Security)
export const TfaEnabled = eventVariant("tfa_enabled", { provider: Text })
export const TfaDisabled = eventVariant("tfa_disabled", {})
export const NewToken = eventVariant("new_token", Token)
export const RegenerateToken = eventVariant("regenerate_token", Token)
export const DeleteToken = eventVariant("delete_token", Token)
export const NewKey = eventVariant("new_key", Key)
export const EditKey = eventVariant("edit_key", Key)
export const DeleteKey = eventVariant("delete_key", Key)

export const AccountEvents = [
  NewUser,
  LoginSuccess,
  LoginFailure,
  LoginLock,
  LoginUnlockSuccess,
  PasswordResetQuery,
  PasswordResetSuccess,
  TfaEnabled,
  TfaDisabled,
  NewToken,
  RegenerateToken,
  DeleteToken,
  NewKey,
  EditKey,
  DeleteKey
] as const
export type AccountEventType = (typeof AccountEvents)[number]["Type"]["type"]
