import type { Catalogue } from "./catalogue.js"

const unavailableBecause = {
  timeout: "it took too long",
  transport: "it could not be reached",
  "server-error": "it reported an error"
}

/** The failure sentences in English: each says what went wrong and what to do next. */
export const english: Catalogue = {
  "account.notLinked": ({ command }) => ({
    text: `You have not linked a Scalingo account yet. Run \`${command} login\` to link yours.`,
    hint: "Each person acts with their own Scalingo account and permissions."
  }),
  "account.relink": ({ command, tokensPage }) => ({
    text: `Scalingo no longer accepts the API token linked to your account. Run \`${command} login\` with a new token.`,
    hint: `Tokens are created at ${tokensPage}`
  }),
  "account.unreadableToken": ({ command }) => ({
    text:
      ":warning: Your stored Scalingo token can no longer be read (the bot's encryption key changed). " +
      `Run \`${command} login\` to link your account again.`
  }),
  "account.tooManyLogins.person": ({ seconds }) => ({
    text: `:hourglass: That is a lot of login attempts in a minute. Try again in ${seconds}.`,
    hint: "Nothing was sent to Scalingo."
  }),
  "account.tooManyLogins.workspace": ({ seconds }) => ({
    text: `:hourglass: This workspace is linking many accounts right now. Try again in ${seconds}.`,
    hint: "Nothing was sent to Scalingo."
  }),
  "scalingo.unauthorized": () => ({
    text:
      "Scalingo says your account is not allowed to do this. " +
      "Check that you are a collaborator of the app with enough rights."
  }),
  "scalingo.paymentRequired": ({ said, billingLink }) => ({
    text: `:credit_card: Your Scalingo account's billing needs attention: ${said}`,
    hint: billingLink !== undefined ? `Fix it on ${billingLink}.` : "Check the billing page of your Scalingo dashboard."
  }),
  "scalingo.regionDisabled": () => ({
    text: "Scalingo has disabled creating new resources in this region. Choose another region."
  }),
  "scalingo.forbidden": ({ said, code }) => ({
    text: `Scalingo does not allow this for your account: ${said}`,
    hint:
      code !== undefined
        ? `Scalingo's reason: ${code}. Your role on the app may not allow it.`
        : "Your role on the app may not allow it; an owner of the app can change that."
  }),
  "scalingo.appNotFound": ({ command }) => ({
    text: `That app does not exist, or your Scalingo account cannot see it. Check the name with \`${command} apps\`.`
  }),
  "scalingo.notFound": ({ resource }) => ({ text: `Scalingo could not find that ${resource}.` }),
  "scalingo.conflict": ({ said }) => ({ text: `Scalingo refused because of the resource's current state: ${said}` }),
  "scalingo.invalidInput": ({ lines }) => ({ text: `Scalingo did not accept that:\n${lines.join("\n")}` }),
  "scalingo.badRequest": () => ({
    text: "Scalingo could not read the request the bot sent. This is our bug; please tell whoever runs this bot."
  }),
  "scalingo.rateLimited.budget": ({ seconds }) => ({
    text: `:hourglass: Your Scalingo account has used its request budget for this minute. Try again in ${seconds}.`
  }),
  "scalingo.rateLimited.scalingo": ({ seconds }) => ({
    text: `:hourglass: Scalingo is limiting your account's requests. Try again in ${seconds}.`
  }),
  "scalingo.unavailable": ({ reason, mayHaveApplied }) => ({
    text: `:warning: Scalingo is having trouble answering right now (${unavailableBecause[reason]}).`,
    hint: mayHaveApplied
      ? "It is unknown whether your change was applied: check before trying again."
      : "Nothing was changed. Try again in a moment."
  }),
  "scalingo.unexpectedResponse": () => ({
    text: "Scalingo answered in a way the bot does not understand, so nothing more can be shown. Try again later."
  }),
  "change.busy": ({ app, check }) => ({
    text: `:hourglass: Scalingo is already restarting or scaling ${app}; it takes one operation at a time.`,
    hint: `Nothing was sent. Try again when it is done (${check} shows its state).`
  }),
  "change.forbidden": ({ verb, app }) => ({
    text: `:no_entry: Scalingo refused to ${verb} ${app}: your role on the app does not allow it.`,
    hint: "An owner or collaborator of the app can do it, or change your role."
  }),
  "change.unreadableAnswer": ({ verb, app, check }) => ({
    text:
      `:warning: Scalingo answered the ${verb} of ${app} in a way the bot cannot read, ` +
      "so it may or may not have happened.",
    hint: `It was not sent again. Check with ${check} before trying again.`
  }),
  "change.unanswered": ({ verb, app, check, events }) => ({
    text: `:warning: Scalingo did not answer in time, so the ${verb} of ${app} may or may not have happened.`,
    hint: `It was not sent again. Check with ${check} (or ${events}) before trying again.`
  }),
  "change.notSent": ({ verb, app }) => ({ text: `:warning: The ${verb} of ${app} could not be sent.` }),
  "ours.apology": ({ reference }) => ({
    text: ":face_with_head_bandage: Sorry, something went wrong on our side.",
    hint: `Reference \`${reference}\`: give it to whoever runs this bot.`
  }),
  "input.notAnAppName": ({ word, command }) => ({
    text:
      `${word} is not an app name: names use lowercase letters, digits and hyphens. ` +
      `See your apps with \`${command} apps\`.`
  }),
  "input.staleButton": ({ command }) => ({
    text: `This button is no longer valid. Run the command again (\`${command} help\` lists them).`
  }),
  "input.cannotSee": ({ what }) => ({
    text: `Your Scalingo account cannot see ${what}, so I can't show you this page.`
  }),
  "login.tokenShape": () => ({
    text: "This does not look like a Scalingo API token: they start with `tk-us-` followed by letters and digits."
  }),
  "login.tokenRejected": () => ({
    text: "Scalingo rejected this token. Check that you copied all of it, or create a new one."
  }),
  "create.noRegion": () => ({
    text:
      "Your Scalingo account cannot use any region right now, so no app can be created. " +
      "Check your account on the Scalingo dashboard."
  }),
  "channel.cannotPost": ({ reason, invite }) => ({
    text: `I can't post in this channel (${reason}); invite me with ${invite} to get threaded, paged listings.`
  })
}
