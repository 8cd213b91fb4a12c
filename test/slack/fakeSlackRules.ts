// Each rule of docs/slack-platform.md §5 as a pair: a payload that breaks it (and the error Slack answers)
// and a near miss that keeps it, for fakeSlackRules.test.ts.
import { BLOCK_KIT_LIMITS as L, type PayloadKind } from "../support/fakeSlack.js"

type Json = Record<string, unknown>

export interface Rule {
  readonly rule: string
  readonly kind: PayloadKind
  readonly error: string
  readonly breaks: unknown
  readonly nearMiss: unknown
}

export const x = (length: number) => "x".repeat(length)
export const plain = (text: string) => ({ type: "plain_text", text })
const mrkdwn = (text: string) => ({ type: "mrkdwn", text })
export const section = (text: string, extra: Json = {}) => ({ type: "section", text: mrkdwn(text), ...extra })
export const button = (action_id: string, extra: Json = {}) => ({
  type: "button",
  action_id,
  text: plain("Go"),
  ...extra
})
export const actions = (...elements: ReadonlyArray<unknown>) => ({ type: "actions", elements })
export const msg = (...blocks: ReadonlyArray<unknown>) => ({ text: "fallback", blocks })
export const modal = (extra: Json = {}, blocks: ReadonlyArray<unknown> = [section("hi")]) => ({
  type: "modal",
  title: plain("Title"),
  blocks,
  ...extra
})
const times = <T>(count: number, make: (i: number) => T) => Array.from({ length: count }, (_, i) => make(i))
const option = (text: string, value = "v") => ({ text: plain(text), value })
const select = (options: ReadonlyArray<unknown>, extra: Json = {}) => ({
  type: "static_select",
  action_id: "s",
  options,
  ...extra
})
const input = (element: unknown, label = "Label") => ({ type: "input", block_id: "in", label: plain(label), element })
const textInput = (extra: Json = {}) => ({ type: "plain_text_input", action_id: "t", ...extra })
const confirm = (over: Json = {}) => ({
  title: plain("Sure?"),
  text: plain("Really"),
  confirm: plain("Yes"),
  deny: plain("No"),
  ...over
})

/** A message rule (`invalid_blocks`) from two block lists. */
const m = (rule: string, breaks: ReadonlyArray<unknown>, nearMiss: ReadonlyArray<unknown>): Rule => ({
  rule,
  kind: "message",
  error: "invalid_blocks",
  breaks: msg(...breaks),
  nearMiss: msg(...nearMiss)
})
/** A view rule (`invalid_arguments`) from two modals. */
const v = (rule: string, breaks: unknown, nearMiss: unknown): Rule => ({
  rule,
  kind: "view",
  error: "invalid_arguments",
  breaks,
  nearMiss
})

export const RULES: ReadonlyArray<Rule> = [
  m("action_id unique within a block", [actions(button("a"), button("a"))], [actions(button("a"), button("a#1"))]),
  m(
    "an action_id may repeat in another block",
    [actions(button("a"), button("a"))],
    [actions(button("a")), actions(button("a"))]
  ),
  m(
    "block_id unique within a message",
    [section("a", { block_id: "b" }), section("c", { block_id: "b" })],
    [section("a", { block_id: "b" }), section("c", { block_id: "b2" })]
  ),
  v("block_id unique within a view", modal({}, [divider("b"), divider("b")]), modal({}, [divider("b"), divider("c")])),
  m(
    `at most ${L.blocksPerMessage} blocks in a message`,
    times(51, () => section("s")),
    times(50, () => section("s"))
  ),
  v(
    `at most ${L.blocksPerView} blocks in a modal`,
    modal(
      {},
      times(101, () => section("s"))
    ),
    modal(
      {},
      times(100, () => section("s"))
    )
  ),
  v(
    `at most ${L.blocksPerView} blocks in a Home tab`,
    { type: "home", blocks: times(101, () => section("s")) },
    { type: "home", blocks: times(100, () => section("s")) }
  ),
  m(`section text 1..${L.sectionText} characters`, [section(x(3001))], [section(x(3000))]),
  m("section text not empty", [section("")], [section("x")]),
  m(
    `at most ${L.sectionFields} section fields`,
    [{ type: "section", fields: times(11, () => mrkdwn("f")) }],
    [{ type: "section", fields: times(10, () => mrkdwn("f")) }]
  ),
  m(
    `section field ${L.fieldText} characters`,
    [{ type: "section", fields: [mrkdwn(x(2001))] }],
    [{ type: "section", fields: [mrkdwn(x(2000))] }]
  ),
  m(
    `header ${L.headerText} characters`,
    [{ type: "header", text: plain(x(151)) }],
    [{ type: "header", text: plain(x(150)) }]
  ),
  m("header is plain_text only", [{ type: "header", text: mrkdwn("h") }], [{ type: "header", text: plain("h") }]),
  m(
    `button text ${L.buttonText} characters`,
    [actions(button("a", { text: plain(x(76)) }))],
    [actions(button("a", { text: plain(x(75)) }))]
  ),
  m("button text is plain_text only", [actions(button("a", { text: mrkdwn("Go") }))], [actions(button("a"))]),
  m(`action_id ${L.actionId} characters`, [actions(button(x(256)))], [actions(button(x(255)))]),
  m(`block_id ${L.blockId} characters`, [section("s", { block_id: x(256) })], [section("s", { block_id: x(255) })]),
  m(
    `button value ${L.buttonValue} characters`,
    [actions(button("a", { value: x(2001) }))],
    [actions(button("a", { value: x(2000) }))]
  ),
  m(
    `button url ${L.url} characters`,
    [actions(button("a", { url: `https://e.com/${x(2987)}` }))],
    [actions(button("a", { url: `https://e.com/${x(2986)}` }))]
  ),
  m(
    "button style primary or danger",
    [actions(button("a", { style: "warning" }))],
    [actions(button("a", { style: "danger" }))]
  ),
  m(
    `at most ${L.contextElements} context elements`,
    [{ type: "context", elements: times(11, () => mrkdwn("c")) }],
    [{ type: "context", elements: times(10, () => mrkdwn("c")) }]
  ),
  m(
    `at most ${L.actionsElements} actions elements`,
    [actions(...times(26, (i) => button(`a${i}`)))],
    [actions(...times(25, (i) => button(`a${i}`)))]
  ),
  m("no text input in an actions block", [actions(textInput())], [actions(select([option("o")]))]),
  m(
    `at most ${L.selectOptions} select options`,
    [actions(select(times(101, (i) => option("o", `v${i}`))))],
    [actions(select(times(100, (i) => option("o", `v${i}`))))]
  ),
  m(
    `option text ${L.optionText} characters, plain_text`,
    [actions(select([option(x(76))]))],
    [actions(select([option(x(75))]))]
  ),
  m(
    `option value ${L.optionValue} characters`,
    [actions(select([option("o", x(76))]))],
    [actions(select([option("o", x(75))]))]
  ),
  m(
    `at most ${L.overflowOptions} overflow options`,
    [actions({ type: "overflow", action_id: "o", options: times(6, (i) => option("o", `v${i}`)) })],
    [actions({ type: "overflow", action_id: "o", options: times(5, (i) => option("o", `v${i}`)) })]
  ),
  m(
    `placeholder ${L.placeholder} characters`,
    [actions(select([option("o")], { placeholder: plain(x(151)) }))],
    [actions(select([option("o")], { placeholder: plain(x(150)) }))]
  ),
  m(
    "initial option one of the options",
    [actions(select([option("o", "a")], { initial_option: option("o", "b") }))],
    [actions(select([option("o", "a")], { initial_option: option("o", "a") }))]
  ),
  m(
    `confirm title ${L.confirmTitle}, text ${L.confirmText}`,
    [actions(button("a", { confirm: confirm({ text: plain(x(301)) }) }))],
    [actions(button("a", { confirm: confirm({ text: plain(x(300)) }) }))]
  ),
  m(
    `confirm buttons ${L.confirmButton} characters`,
    [actions(button("a", { confirm: confirm({ confirm: plain(x(31)) }) }))],
    [actions(button("a", { confirm: confirm({ confirm: plain(x(30)) }) }))]
  ),
  m("a known block type", [{ type: "table" }], [{ type: "divider" }]),
  {
    rule: `message text ${L.messageText} characters`,
    kind: "message",
    error: "msg_too_long",
    breaks: { text: x(40_001) },
    nearMiss: { text: x(40_000) }
  },
  { rule: "text or blocks", kind: "message", error: "no_text", breaks: { text: "" }, nearMiss: { text: "t" } },
  {
    rule: `at most ${L.attachments} attachments`,
    kind: "message",
    error: "too_many_attachments",
    breaks: { text: "t", attachments: times(101, () => ({ text: "a" })) },
    nearMiss: { text: "t", attachments: times(100, () => ({ text: "a" })) }
  },
  {
    rule: `${L.totalBlockText} characters of block text in a message`,
    kind: "message",
    error: "msg_blocks_too_long",
    breaks: msg(...times(5, () => section(x(2401)))),
    nearMiss: msg(...times(5, () => section(x(2400))))
  },
  v(
    `modal title ${L.viewTitle} characters, plain_text`,
    modal({ title: plain(x(25)) }),
    modal({ title: plain(x(24)) })
  ),
  v("modal title plain_text only", modal({ title: mrkdwn("T") }), modal({ title: plain("T") })),
  v(`submit ${L.viewButton} characters`, modal({ submit: plain(x(25)) }), modal({ submit: plain(x(24)) })),
  v(`close ${L.viewButton} characters`, modal({ close: plain(x(25)) }), modal({ close: plain(x(24)) })),
  v(
    "submit required with an input block",
    modal({}, [input(textInput())]),
    modal({ submit: plain("Go") }, [input(textInput())])
  ),
  v(
    `input label ${L.inputLabel} characters`,
    modal({ submit: plain("Go") }, [input(textInput(), x(2001))]),
    modal({ submit: plain("Go") }, [input(textInput(), x(2000))])
  ),
  v(
    `text input max_length 1..${L.plainTextInput}`,
    modal({ submit: plain("Go") }, [input(textInput({ max_length: 3001 }))]),
    modal({ submit: plain("Go") }, [input(textInput({ max_length: 3000 }))])
  ),
  v(
    `private_metadata ${L.privateMetadata} characters`,
    modal({ private_metadata: x(3001) }),
    modal({ private_metadata: x(3000) })
  ),
  v(`callback_id ${L.callbackId} characters`, modal({ callback_id: x(256) }), modal({ callback_id: x(255) })),
  {
    rule: "a view of at most 250 kB",
    kind: "view",
    error: "view_too_large",
    breaks: modal(
      {},
      times(100, () => section(x(2600)))
    ),
    nearMiss: modal(
      {},
      times(90, () => section(x(2600)))
    )
  },
  {
    rule: "a view submission's ack: a known response_action, and a valid next view",
    kind: "view_submission_ack",
    error: "invalid_arguments",
    breaks: { response_action: "update", view: modal({ title: plain(x(25)) }) },
    nearMiss: { response_action: "update", view: modal() }
  },
  {
    rule: `a select's options ack: at most ${L.selectOptions} options`,
    kind: "options",
    error: "invalid_arguments",
    breaks: { options: times(101, (i) => option("o", `v${i}`)) },
    nearMiss: { options: times(100, (i) => option("o", `v${i}`)) }
  },
  {
    rule: "a slash command's ack is a message like any other",
    kind: "command_ack",
    error: "invalid_blocks",
    breaks: msg(actions(button("a"), button("a"))),
    nearMiss: msg(actions(button("a"), button("b")))
  }
]

function divider(block_id: string) {
  return { type: "divider", block_id }
}
