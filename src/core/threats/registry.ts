import { alarmSuppressionByCommand } from './rules/alarm-suppression-by-command.js'
import { blePairingWithoutMitmProtection } from './rules/ble-pairing-without-mitm-protection.js'
import { boundaryCrossingWithoutMutualAuthentication } from './rules/boundary-crossing-without-mutual-authentication.js'
import { buildOrSigningInfrastructureCompromise } from './rules/build-or-signing-infrastructure-compromise.js'
import { cleartextCredentials } from './rules/cleartext-credentials.js'
import { cleartextSensitiveData } from './rules/cleartext-sensitive-data.js'
import { componentNotMonitorable } from './rules/component-not-monitorable.js'
import { componentPastEndOfSupport } from './rules/component-past-end-of-support.js'
import { componentSupportUnknown } from './rules/component-support-unknown.js'
import { configurationTamperingInTransit } from './rules/configuration-tampering-in-transit.js'
import { crcAsIntegrityProtection } from './rules/crc-as-integrity-protection.js'
import { debugPortEnabled } from './rules/debug-port-enabled.js'
import { defaultOrHardCodedCredentials } from './rules/default-or-hard-coded-credentials.js'
import { deprecatedProtocolVersion } from './rules/deprecated-protocol-version.js'
import { deviceTrustsUnauthenticatedServer } from './rules/device-trusts-unauthenticated-server.js'
import { dicomWithoutTls } from './rules/dicom-without-tls.js'
import { essentialPerformanceReachableFromUntrustedZone } from './rules/essential-performance-reachable-from-untrusted-zone.js'
import { excessivePrivilegesOnDevice } from './rules/excessive-privileges-on-device.js'
import { firmwareRollback } from './rules/firmware-rollback.js'
import { fleetWideHarmThroughCloud } from './rules/fleet-wide-harm-through-cloud.js'
import { hl7WithoutTls } from './rules/hl7-without-tls.js'
import { legacyCleartextService } from './rules/legacy-cleartext-service.js'
import { malwareOnGeneralPurposeOs } from './rules/malware-on-general-purpose-os.js'
import { mobilePlatformCompromise } from './rules/mobile-platform-compromise.js'
import { multiPatientMonitoringLoss } from './rules/multi-patient-monitoring-loss.js'
import { noSecureBoot } from './rules/no-secure-boot.js'
import { noSecurityEventLogging } from './rules/no-security-event-logging.js'
import { phiAtRestDisclosure } from './rules/phi-at-rest-disclosure.js'
import { phiExportToRemovableMedia } from './rules/phi-export-to-removable-media.js'
import { physicalTampering } from './rules/physical-tampering.js'
import { privilegedRoleWithoutStrongAuthentication } from './rules/privileged-role-without-strong-authentication.js'
import { programmerMisuse } from './rules/programmer-misuse.js'
import { proximityInterfaceAbuse } from './rules/proximity-interface-abuse.js'
import { radioJammingOfEssentialPerformance } from './rules/radio-jamming-of-essential-performance.js'
import { ransomwareOnClinicalData } from './rules/ransomware-on-clinical-data.js'
import { remoteServiceAccess } from './rules/remote-service-access.js'
import { removableMediaMalware } from './rules/removable-media-malware.js'
import { replayableTherapyCommand } from './rules/replayable-therapy-command.js'
import { roleWithoutAuthentication } from './rules/role-without-authentication.js'
import { sharedAccount } from './rules/shared-account.js'
import { sharedCredentials } from './rules/shared-credentials.js'
import { spoofedDiagnosticData } from './rules/spoofed-diagnostic-data.js'
import { storedDataTampering } from './rules/stored-data-tampering.js'
import { thirdPartyFirmwareIntegrity } from './rules/third-party-firmware-integrity.js'
import { unauthenticatedTherapyCommand } from './rules/unauthenticated-therapy-command.js'
import { unauthenticatedTimeSource } from './rules/unauthenticated-time-source.js'
import { unprotectedClinicalDataIntegrity } from './rules/unprotected-clinical-data-integrity.js'
import { unsignedSoftwareUpdate } from './rules/unsigned-software-update.js'
import { unusedInterfaceEnabled } from './rules/unused-interface-enabled.js'
import { updateInfrastructureCompromise } from './rules/update-infrastructure-compromise.js'
import { webApplicationAttack } from './rules/web-application-attack.js'
import type { ThreatRule } from './threat-rule.js'

/** The built-in threat rules, in id order (a test checks that every rule file is here). */
export const BUILT_IN_RULES: readonly ThreatRule[] = [
  alarmSuppressionByCommand,
  blePairingWithoutMitmProtection,
  boundaryCrossingWithoutMutualAuthentication,
  buildOrSigningInfrastructureCompromise,
  cleartextCredentials,
  cleartextSensitiveData,
  componentNotMonitorable,
  componentPastEndOfSupport,
  componentSupportUnknown,
  configurationTamperingInTransit,
  crcAsIntegrityProtection,
  debugPortEnabled,
  defaultOrHardCodedCredentials,
  deprecatedProtocolVersion,
  deviceTrustsUnauthenticatedServer,
  dicomWithoutTls,
  essentialPerformanceReachableFromUntrustedZone,
  excessivePrivilegesOnDevice,
  firmwareRollback,
  fleetWideHarmThroughCloud,
  hl7WithoutTls,
  legacyCleartextService,
  malwareOnGeneralPurposeOs,
  mobilePlatformCompromise,
  multiPatientMonitoringLoss,
  noSecureBoot,
  noSecurityEventLogging,
  phiAtRestDisclosure,
  phiExportToRemovableMedia,
  physicalTampering,
  privilegedRoleWithoutStrongAuthentication,
  programmerMisuse,
  proximityInterfaceAbuse,
  radioJammingOfEssentialPerformance,
  ransomwareOnClinicalData,
  remoteServiceAccess,
  removableMediaMalware,
  replayableTherapyCommand,
  roleWithoutAuthentication,
  sharedAccount,
  sharedCredentials,
  spoofedDiagnosticData,
  storedDataTampering,
  thirdPartyFirmwareIntegrity,
  unauthenticatedTherapyCommand,
  unauthenticatedTimeSource,
  unprotectedClinicalDataIntegrity,
  unsignedSoftwareUpdate,
  unusedInterfaceEnabled,
  updateInfrastructureCompromise,
  webApplicationAttack,
]
