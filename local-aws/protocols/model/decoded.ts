/**
 * The type of an input the model decoders produce from an SDK input type: the SDK types required members as
 * `X | undefined` (clients may leave them out), but a decoded request has every required member, nested ones included.
 * Enums are plain strings: the models carry no enum values, so a handler checks the value before narrowing it.
 */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type OptionalKeys<T> = Exclude<keyof T, RequiredKeys<T>>;

export type Decoded<T> = T extends string
  ? string
  : T extends Date | Uint8Array
  ? T
  : T extends readonly (infer Item)[]
    ? Decoded<Item>[]
    : T extends object
      ? string extends keyof T
        ? { [key: string]: Decoded<Exclude<T[string], undefined>> }
        : { [K in RequiredKeys<T>]-?: Decoded<Exclude<T[K], undefined>> } & { [K in OptionalKeys<T>]?: Decoded<Exclude<T[K], undefined>> }
      : T;
