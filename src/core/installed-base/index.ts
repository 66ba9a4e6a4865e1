export {
  exposureByRelease,
  inServiceOn,
  noticeRecipients,
  siteKey,
  type InstalledBaseEntry,
  type NoticeRecipient,
  type ReleaseExposure,
} from './installed-base.js'
export { fixDeployment, type FixDeployment, type FixReleases } from './fix-deployment.js'
