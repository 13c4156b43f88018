import { text } from '../dsl/columns/text.js'

/**
 * The decoder shared by every column type whose JS value is the server's text as is (text,
 * varchar, uuid, enums, custom types without fromDriver...). Result mapping compares decoders with
 * it and skips the call. Taken from a text column so it is the very function those types hold.
 */
export const textDecoder: (text: string) => unknown = text().config.type.decode
