/** The identity domain as other domains see it. */
export { findIdentity, linkIdentityToContact, type SocialIdentity } from './identity.repo.js';
export { identitySettingsOf } from './settings/identity-settings.service.js';
