// autocannon 9 ships CommonJS without type declarations: the part of its programmatic API that
// bench/support/api-load-client.ts uses, as its README documents it.
declare module 'autocannon' {
  interface AutocannonRequest {
    method: string
    path: string
    headers: Record<string, string>
  }

  interface Options {
    readonly url: string
    readonly connections: number
    /** Seconds. */
    readonly duration: number
    /** Seconds without a response before a request counts as timed out. */
    readonly timeout: number
    readonly headers: Record<string, string>
    readonly requests: readonly {
      readonly method: string
      readonly setupRequest: (request: AutocannonRequest) => AutocannonRequest
    }[]
  }

  interface Result {
    /** Connection errors, timeouts among them. */
    readonly errors: number
    readonly timeouts: number
    readonly non2xx: number
  }

  interface Instance {
    /** Every response of every connection; `client` is the connection's client object. */
    on(
      event: 'response',
      listener: (client: object, statusCode: number, bytes: number, responseTime: number) => void,
    ): void
    stop(): void
  }

  function autocannon(
    options: Options,
    done: (error: Error | null, result: Result) => void,
  ): Instance

  export = autocannon
}
