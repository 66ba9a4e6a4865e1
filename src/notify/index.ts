export {
  createNotificationChannels,
  type ChannelOptions,
  type NotificationChannels,
} from './channels.js'
export { DeliveryError } from './delivery-error.js'
