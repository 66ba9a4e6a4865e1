import { Type } from '@sinclair/typebox'

const Security = Type.Union([Type.Literal('starttls'), Type.Literal('tls'), Type.Literal('none')], {
  description:
    'starttls: upgrade and refuse a server that cannot (port 587); tls: TLS from the start (465); none: plain (a relay on this host only)',
})

const Email = Type.String({ minLength: 3, maxLength: 320 })

const LeadDays = Type.Array(Type.Integer({ minimum: 0, maximum: 366 }), {
  maxItems: 10,
  description: 'Days before a deadline that reminders go out, e.g. [7, 1]',
})

export const NotificationSettingsBody = Type.Object(
  {
    email: Type.Object(
      {
        smtpUrl: Type.Union([Type.String({ minLength: 1, maxLength: 2000 }), Type.Null()], {
          description:
            'smtp://user:password@host:587 (user and password percent-encoded), or null for no e-mail. A password of ******** keeps the stored one.',
        }),
        security: Security,
        from: Type.Union([Email, Type.Null()]),
        recipients: Type.Array(Email, { maxItems: 100, uniqueItems: true }),
      },
      { additionalProperties: false },
    ),
    webhooks: Type.Array(
      Type.Object(
        {
          id: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 100,
              description: 'A configured webhook: without url it keeps its URL',
            }),
          ),
          url: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
          secret: Type.Optional(
            Type.Union([Type.String({ maxLength: 500 }), Type.Null()], {
              description:
                'HMAC-SHA256 key for the X-Medcyber-Signature header; absent keeps the stored one, null removes it',
            }),
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    reminderLeadDays: LeadDays,
  },
  { additionalProperties: false },
)

export const NotificationSettingsView = Type.Object({
  email: Type.Object({
    smtpUrl: Type.Union([Type.String(), Type.Null()], {
      description: 'The SMTP URL with its password shown as ********',
    }),
    passwordSet: Type.Boolean(),
    security: Security,
    from: Type.Union([Type.String(), Type.Null()]),
    recipients: Type.Array(Type.String()),
  }),
  webhooks: Type.Array(
    Type.Object({
      id: Type.String(),
      url: Type.String({ description: 'Scheme and host, and the last characters of the path' }),
      secretSet: Type.Boolean(),
    }),
  ),
  reminderLeadDays: Type.Array(Type.Integer()),
})

export const TestDeliveries = Type.Object({
  deliveries: Type.Array(
    Type.Object({
      channel: Type.String({ enum: ['email', 'webhook'] }),
      recipient: Type.String(),
      delivered: Type.Boolean(),
      error: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
})

export const AlertSchema = Type.Object({
  id: Type.String(),
  productId: Type.String(),
  release: Type.String(),
  findingId: Type.String(),
  vulnerability: Type.String(),
  aliases: Type.Array(Type.String()),
  component: Type.String(),
  severity: Type.Union([Type.String(), Type.Null()]),
  kev: Type.Boolean(),
  epss: Type.Union([Type.Number(), Type.Null()]),
  createdAt: Type.String(),
  suggestedStatus: Type.String({
    description: 'A VEX status the model suggests: not_affected or under_investigation (in triage)',
  }),
  suggestedJustification: Type.Union([Type.String(), Type.Null()]),
  reasoning: Type.Array(Type.String(), { description: 'Why, as plain sentences' }),
  linkedRisks: Type.Array(Type.String(), {
    description: 'Risk register entries the finding re-opens',
  }),
  state: Type.String({ enum: ['open', 'acknowledged'] }),
  acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
})

export const AlertList = Type.Object({ alerts: Type.Array(AlertSchema) })

export const AlertQuery = Type.Object({
  productId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  state: Type.Optional(Type.String({ enum: ['open', 'acknowledged'] })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
})

export const AlertParams = Type.Object({
  alertId: Type.String({ minLength: 1, maxLength: 100, description: 'Alert id' }),
})
