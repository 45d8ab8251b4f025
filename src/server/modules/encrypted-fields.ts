// Every column encrypted with the PHI key ring, from every module: what `nilecare keys rotate`
// re-encrypts and `nilecare keys status` counts. A module that encrypts a new column adds it here.
import type { EncryptedField } from '../platform/keys/encrypted-field.ts';
import { authEncryptedFields } from './auth/index.ts';
import { patientEncryptedFields } from './patients/index.ts';

export const encryptedFields: EncryptedField[] = [...patientEncryptedFields, ...authEncryptedFields];
