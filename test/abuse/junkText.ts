import type { Random } from "../support/seededRandom.js"

/**
 * Generated slash-command texts: every subcommand word followed by junk (traversal, encodings,
 * shell and SQL metacharacters, markup, unicode, 10 KB strings, other people's app names, token
 * look-alikes). Nothing here is a real token, so no generated text can link an account.
 */

export const SUBCOMMAND_WORDS = [
  "help",
  "login",
  "logout",
  "whoami",
  "apps",
  "create",
  "events",
  "info",
  "restart",
  "scale",
  "deployments",
  "logs",
  "policy",
  "audit",
  "star",
  "unstar"
] as const

const TRAVERSAL = [
  "../",
  "../../v1/users/self",
  "..%2f..%2fv1%2fusers%2fself",
  "%2e%2e%2f",
  "%2E%2E/%2E%2E/v1/apps",
  "%252e%252e%252f",
  "..\\..\\",
  "....//",
  "/v1/apps",
  "alice-web/../bob-blog",
  "bob-blog/events",
  "alice-web?page=2&per_page=1000",
  "alice-web#frag",
  "alice-web%00",
  "alice-web%0d%0aX-Injected:%201",
  "..;/",
  "%c0%ae%c0%ae/",
  "..\u2215..\u2215",
  "alice-web/..",
  "./alice-web",
  "//evil.example/v1/apps",
  "http://127.0.0.1:1/v1/apps",
  "alice-web/../../v1/regions"
]
const SHELL = [
  "; rm -rf /",
  "$(id)",
  "`id`",
  "| cat /etc/passwd",
  "&& curl http://127.0.0.1:1",
  "> /tmp/x",
  "$HOME",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: hostile input, on purpose
  "${PATH}",
  '\\"',
  "'",
  '"',
  "\\"
]
const SQL = [
  "' OR '1'='1",
  "'; DROP TABLE account_links; --",
  '" OR 1=1 --',
  "1; SELECT * FROM account_links",
  "admin'--",
  "' UNION SELECT sealed_token FROM account_links --",
  "%' AND 1=0 UNION SELECT 1 --"
]
const MARKUP = [
  "<script>alert(1)</script>",
  "<!channel>",
  "<@U-BOB>",
  "*bold* _it_ ~s~",
  "```code```",
  "{{7*7}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: hostile input, on purpose
  "${7*7}",
  "%s%s%s%n",
  "<https://evil.example|click>",
  "&amp;&lt;&gt;",
  '{"a":"b"}',
  "[1,2]",
  '{"__proto__":{"x":1}}'
]
const UNICODE = [
  "événements",
  "приложение",
  "应用",
  "🚀🔥💥",
  "\u202eevil\u202c",
  "a\u200bb",
  "e\u0301",
  "\u0000",
  "\ufeffevents",
  "ＥＶＥＮＴＳ",
  "İ",
  "ß",
  "\u00a0",
  "\u2028",
  "𝓮𝓿𝓮𝓷𝓽𝓼",
  "\ud83d",
  "\u3000apps",
  "ｅｖｅｎｔｓ",
  "\u0085"
]
/** Real names (some of other people's apps), near misses and names that break the rules. */
const NAMES = [
  "alice-web",
  "bob-blog",
  "bob-shop",
  "forty-seven-events",
  "all-event-types",
  "alice-secure",
  "carol-app",
  "osc-fr1/alice-web",
  "alice-web/bob-blog",
  "ALICE-WEB",
  "alice_web",
  "-alice-",
  "a",
  "a".repeat(63),
  "a".repeat(65),
  "0",
  "x-y-z"
]
const NUMBERS = ["-1", "0", "1e309", "9007199254740993", "0x10", "Infinity", "-0", "1.5", "99999999999999999999"]
const SPACES = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u3000"]
const WORD_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-"
const MIXED_ALPHABET = "aZ09-_./%?#&=+;:'\"`$(){}[]<>|\\ é漢🙂\u200b"
const TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"

/** Looks like a Scalingo token but belongs to no account (the simulator answers 401). */
export const fakeToken = (random: Random): string => `tk-us-${random.chars(TOKEN_ALPHABET, random.int(20, 60))}`

const tokenish = (random: Random): string =>
  random.pick([
    () => fakeToken(random),
    () => "tk-us-../../v1/users/self",
    () => `tk-us-${"A".repeat(300)}`,
    () => "tk-fr-short",
    () => "xoxb-123-456",
    () => `eyJhbGciOiJIUzI1NiJ9.${random.chars(TOKEN_ALPHABET, 30)}.${random.chars(TOKEN_ALPHABET, 20)}`
  ])()

/** About 10 KB of text, sometimes path-like, sometimes valid-looking. */
const huge = (random: Random): string =>
  random.pick([
    () => random.chars(MIXED_ALPHABET, 10_240),
    () => "../".repeat(3_414),
    () => "a".repeat(10_240),
    () => `${"ab-".repeat(3_413)}z`,
    () => "%2e%2e%2f".repeat(1_138)
  ])()

/** One junk argument. */
export const junkArgument = (random: Random): string => {
  const roll = random.next()
  if (roll < 0.02) return huge(random)
  if (roll < 0.17) return random.pick(TRAVERSAL)
  if (roll < 0.25) return random.pick(SHELL)
  if (roll < 0.32) return random.pick(SQL)
  if (roll < 0.4) return random.pick(MARKUP)
  if (roll < 0.5) return random.pick(UNICODE)
  if (roll < 0.65) return random.pick(NAMES)
  if (roll < 0.7) return random.pick(NUMBERS)
  if (roll < 0.8) return tokenish(random)
  if (roll < 0.9) return random.chars(WORD_ALPHABET, random.int(1, 24))
  return random.chars(MIXED_ALPHABET, random.int(1, 40))
}

const firstWord = (random: Random, words: ReadonlyArray<string>): string => {
  const roll = random.next()
  if (roll < 0.75) return random.pick(words)
  if (roll < 0.85) {
    const word = random.pick(words)
    return random.pick([
      word.toUpperCase(),
      word[0]!.toUpperCase() + word.slice(1),
      `${word}${random.pick(["/", ".", "?", "%20", "\u200b"])}`
    ])
  }
  return junkArgument(random)
}

/**
 * A slash-command text. `words` limits the subcommands (a linked person's junk never includes
 * `logout`, so the run keeps exercising their account).
 */
export const junkCommandText = (random: Random, words: ReadonlyArray<string> = SUBCOMMAND_WORDS): string => {
  const roll = random.next()
  if (roll < 0.01) return ""
  if (roll < 0.02) return random.pick(SPACES).repeat(random.int(1, 5))
  const parts = [firstWord(random, words)]
  const count = random.pick([0, 1, 1, 1, 2, 3])
  for (let i = 0; i < count; i++) parts.push(junkArgument(random))
  return parts.map((p, i) => (i === 0 ? p : `${random.pick(SPACES)}${p}`)).join("")
}
