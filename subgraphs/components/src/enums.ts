import type { DevelopmentStatus, MaintenanceType, SoftwareType } from './generated/graphql';
import type { DevelopmentStatusValue, MaintenanceTypeValue, SoftwareTypeValue } from './publiccode';

/** publiccode.yml values and the contract's enum values, both ways. */
const SOFTWARE_TYPE: Record<SoftwareTypeValue, SoftwareType> = {
  'standalone/mobile': 'STANDALONE_MOBILE',
  'standalone/iot': 'STANDALONE_IOT',
  'standalone/desktop': 'STANDALONE_DESKTOP',
  'standalone/web': 'STANDALONE_WEB',
  'standalone/backend': 'STANDALONE_BACKEND',
  'standalone/other': 'STANDALONE_OTHER',
  addon: 'ADDON',
  library: 'LIBRARY',
  configurationFiles: 'CONFIGURATION_FILES',
};

export const softwareTypeToGraphql = (value: SoftwareTypeValue): SoftwareType =>
  SOFTWARE_TYPE[value];

export const softwareTypeFromGraphql = (value: SoftwareType): SoftwareTypeValue =>
  (Object.keys(SOFTWARE_TYPE) as SoftwareTypeValue[]).find((k) => SOFTWARE_TYPE[k] === value)!;

export const developmentStatusToGraphql = (value: DevelopmentStatusValue): DevelopmentStatus =>
  value.toUpperCase() as DevelopmentStatus;

export const developmentStatusFromGraphql = (value: DevelopmentStatus): DevelopmentStatusValue =>
  value.toLowerCase() as DevelopmentStatusValue;

export const maintenanceTypeToGraphql = (value: MaintenanceTypeValue): MaintenanceType =>
  value.toUpperCase() as MaintenanceType;
