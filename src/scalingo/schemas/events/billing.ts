import { eventVariant } from "./base.js"
import { lenientStruct, Num, Text } from "./lenient.js"

/** Billing events (account-level, no app fields). */

export const AddCredit = eventVariant("add_credit", {
  payment_method: Text,
  /** Go's key; the docs' example sends `value` instead. */
  amount: Num,
  value: Num
})
export const AddPaymentMethod = eventVariant("add_payment_method", {
  company: Text,
  vat_number: Text,
  /** stripe | paypal */
  payment_method_type: Text,
  stripe: lenientStruct({ brand: Text, last4: Text, exp: Text })
})
export const AddVoucher = eventVariant("add_voucher", { code: Text })
export const PaymentAttempt = eventVariant("payment_attempt", {
  amount: Num,
  /** credit, or a card */
  payment_method: Text,
  /** new (pending), paid, or a failure */
  status: Text
})

export const BillingEvents = [AddCredit, AddPaymentMethod, AddVoucher, PaymentAttempt] as const
export type BillingEventType = (typeof BillingEvents)[number]["Type"]["type"]
