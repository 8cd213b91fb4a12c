import { codeAsWords } from "../blockKit/text.js"

const WORDS: Readonly<Record<string, string>> = {
  "build-error": "build error",
  "crashed-error": "crashed",
  "timeout-error": "timed out",
  "hook-error": "hook error"
}

/** A deployment's status as people say it (`build-error` → "build error"); Scalingo's code stays internal. */
export const deploymentStatusWords = (status: string): string => WORDS[status] ?? codeAsWords(status)
