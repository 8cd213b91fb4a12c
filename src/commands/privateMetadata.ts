/**
 * Modal private_metadata: where the command was typed (`c`, channel) and how to answer the person
 * (`r`, the slash command's response_url). Decoding never throws: a stale or forged value yields {}.
 */
export interface ModalMetadata {
  readonly c?: string
  readonly r?: string
}

export const encodeMetadata = (metadata: ModalMetadata): string => JSON.stringify(metadata).slice(0, 3000)

export const decodeMetadata = (raw: string | undefined): ModalMetadata => {
  try {
    const parsed: unknown = JSON.parse(raw ?? "")
    if (typeof parsed !== "object" || parsed === null) return {}
    const { c, r } = parsed as Record<string, unknown>
    return {
      ...(typeof c === "string" && /^[A-Z0-9]{1,20}$/.test(c) ? { c } : {}),
      ...(typeof r === "string" && /^https?:\/\//.test(r) ? { r } : {})
    }
  } catch {
    return {}
  }
}
