import type { AccountEventType, BillingEventType } from "../../../scalingo/schemas/events/index.js"
import { code, euros, has, plain, type Sentences } from "./shared.js"

/** Account security and billing (user timeline only). */

const from = (ip: string | undefined) => (has(ip) ? ` from ${plain(ip)}` : "")
const token = (name: string | undefined) => (has(name) ? `API token ${code(name)}` : "An API token")
const key = (name: string | undefined) => (has(name) ? `SSH key ${code(name)}` : "An SSH key")

const PAYMENT_METHODS: Record<string, string> = { paypal: "PayPal", stripe: "Card", sepa: "SEPA direct debit" }
const PAID_WITH: Record<string, string> = {
  paypal: " via PayPal",
  stripe: " by card",
  card: " by card",
  sepa: " by SEPA direct debit"
}
const PAYMENT_OUTCOMES: Record<string, string> = { new: "is pending", paid: "succeeded" }

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

const lastAttempt = (ip: string | undefined) => (has(ip) ? ` (last attempt from ${plain(ip)})` : "")

export const accountSentences: Sentences<AccountEventType> = {
  new_user: () => "Joined Scalingo: account created",
  login_success: ({ type_data: t }) => `Logged in${from(t.remote_ip)}`,
  login_failure: ({ type_data: t }) => `Failed login attempt${from(t.remote_ip)}`,
  login_lock: ({ type_data: t }) => `Account locked after too many failed logins${lastAttempt(t.remote_ip)}`,
  login_unlock_success: ({ type_data: t }) => `Account unlocked${from(t.remote_ip)}`,
  password_reset_query: ({ type_data: t }) => `Password reset requested${from(t.remote_ip)}`,
  password_reset_success: ({ type_data: t }) => `Password changed${from(t.remote_ip)}`,
  tfa_enabled: ({ type_data: t }) =>
    `Two-factor authentication enabled${has(t.provider) ? ` (${plain(t.provider)})` : ""}`,
  tfa_disabled: () => "Two-factor authentication disabled",
  new_token: ({ type_data: t }) => `${token(t.token_name)} created`,
  regenerate_token: ({ type_data: t }) => `${token(t.token_name)} regenerated`,
  delete_token: ({ type_data: t }) => `${token(t.token_name)} deleted`,
  new_key: ({ type_data: t }) =>
    `${key(t.name)} added${has(t.fingerprint) ? ` (fingerprint ${code(t.fingerprint)})` : ""}`,
  edit_key: ({ type_data: t }) => `${key(t.name)} updated`,
  delete_key: ({ type_data: t }) => `${key(t.name)} removed`
}

export const billingSentences: Sentences<BillingEventType> = {
  add_credit: ({ type_data: t }) => {
    const amount = t.amount ?? t.value
    const method = has(t.payment_method) ? (PAID_WITH[t.payment_method] ?? ` (${plain(t.payment_method)})`) : ""
    return amount === undefined
      ? `Credit added to the account${method}`
      : `${euros(amount)} of credit added to the account${method}`
  },
  add_payment_method: ({ type_data: t }) => {
    const card = t.stripe
    if (has(card?.last4) || has(card?.brand)) {
      const brand = has(card.brand) ? `${capitalised(plain(card.brand))} card` : "Card"
      const ending = has(card.last4) ? ` ending in ${plain(card.last4)}` : ""
      const expiry = has(card.exp) ? ` (expires ${plain(card.exp)})` : ""
      return `${brand}${ending}${expiry} added as a payment method`
    }
    if (has(t.payment_method_type))
      return `${PAYMENT_METHODS[t.payment_method_type] ?? plain(t.payment_method_type)} added as a payment method`
    return "Payment method added"
  },
  add_voucher: ({ type_data: t }) => (has(t.code) ? `Voucher ${code(t.code)} redeemed` : "Voucher redeemed"),
  payment_attempt: ({ type_data: t }) => {
    const amount = t.amount === undefined ? "" : ` of ${euros(t.amount)}`
    const method = t.payment_method === "credit" ? "your credits" : "your card"
    const outcome = has(t.status) ? (PAYMENT_OUTCOMES[t.status] ?? "failed") : "was attempted"
    return `Payment${amount} with ${method} ${outcome}`
  }
}
