/**
 * A message that did not reach its recipient: the code says how (notify/smtp-not-configured,
 * notify/bad-smtp-url, notify/smtp-failed, notify/webhook-status, notify/webhook-timeout,
 * notify/webhook-unreachable), the message says where.
 */
export class DeliveryError extends Error {
  readonly code: string

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'DeliveryError'
    this.code = code
  }
}
