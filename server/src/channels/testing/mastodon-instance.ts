/**
 * Instance documents for the local Mastodon stand-in. The recorded corpus holds none, so these are
 * written for the tests, field for field in the shapes the servers answer: Mastodon 4's
 * `/api/v2/instance`, Mastodon 3's `/api/v1/instance` (the limit under `configuration.statuses`),
 * and Akkoma's `/api/v1/instance` (the limit as `max_toot_chars`, no v2 document).
 */
type Json = Record<string, unknown>;

export interface InstanceSeed {
  /** Which documents the server has: v2 (and v1), v1 only, Akkoma's v1 only, none (404), or both failing (503). */
  api: 'v2' | 'v1' | 'akkoma' | 'none' | 'down';
  /** Default 500, Mastodon's own. */
  maxCharacters?: number | string;
  urlLength?: number;
}

const DOMAIN = 'mastodon.test';
const TITLE = 'Kettle Makers';
const DESCRIPTION = 'A small server for people who make and mend kettles.';
const RULES = [{ id: '1', text: 'Be kind to people and their kettles.', hint: '' }];
const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4', 'audio/mpeg'];

function statuses(seed: InstanceSeed): Json {
  return { max_characters: seed.maxCharacters ?? 500, max_media_attachments: 4, characters_reserved_per_url: seed.urlLength ?? 23 };
}

function mastodonV2(seed: InstanceSeed, contact: Json): Json {
  return {
    domain: DOMAIN,
    title: TITLE,
    version: '4.3.2',
    source_url: 'https://github.com/mastodon/mastodon',
    description: DESCRIPTION,
    usage: { users: { active_month: 412 } },
    thumbnail: { url: `https://${DOMAIN}/packs/media/images/preview.png` },
    icon: [],
    languages: ['en'],
    configuration: {
      urls: {
        streaming: `wss://${DOMAIN}`,
        status: null,
        about: `https://${DOMAIN}/about`,
        privacy_policy: `https://${DOMAIN}/privacy-policy`,
      },
      accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
      statuses: statuses(seed),
      media_attachments: {
        supported_mime_types: MEDIA_TYPES,
        description_limit: 1500,
        image_size_limit: 16_777_216,
        image_matrix_limit: 33_177_600,
        video_size_limit: 103_809_024,
        video_frame_rate_limit: 120,
        video_matrix_limit: 8_294_400,
      },
      polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2_629_746 },
      translation: { enabled: false },
    },
    registrations: { enabled: false, approval_required: true, message: null, url: null },
    api_versions: { mastodon: 2 },
    contact: { email: `admin@${DOMAIN}`, account: contact },
    rules: RULES,
  };
}

function mastodonV1(seed: InstanceSeed, contact: Json): Json {
  return {
    uri: DOMAIN,
    title: TITLE,
    short_description: DESCRIPTION,
    description: DESCRIPTION,
    email: `admin@${DOMAIN}`,
    version: '3.5.19',
    urls: { streaming_api: `wss://${DOMAIN}` },
    stats: { user_count: 1034, status_count: 98_112, domain_count: 5210 },
    thumbnail: `https://${DOMAIN}/packs/media/images/preview.png`,
    languages: ['en'],
    registrations: false,
    approval_required: true,
    invites_enabled: true,
    configuration: {
      statuses: statuses(seed),
      media_attachments: {
        supported_mime_types: MEDIA_TYPES,
        image_size_limit: 10_485_760,
        image_matrix_limit: 16_777_216,
        video_size_limit: 41_943_040,
        video_frame_rate_limit: 60,
        video_matrix_limit: 2_304_000,
      },
      polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2_629_746 },
    },
    contact_account: contact,
    rules: RULES,
  };
}

function akkomaV1(seed: InstanceSeed): Json {
  return {
    uri: `https://${DOMAIN}`,
    title: TITLE,
    description: DESCRIPTION,
    short_description: DESCRIPTION,
    email: `admin@${DOMAIN}`,
    version: '2.7.2 (compatible; Akkoma 3.13.2)',
    urls: { streaming_api: `wss://${DOMAIN}` },
    stats: { user_count: 38, status_count: 20_511, domain_count: 3114 },
    thumbnail: `https://${DOMAIN}/instance/thumbnail.jpeg`,
    languages: ['en'],
    registrations: false,
    approval_required: false,
    max_toot_chars: seed.maxCharacters ?? 5000,
    poll_limits: { max_expiration: 31_536_000, max_option_chars: 200, max_options: 20, min_expiration: 0 },
    upload_limit: 16_000_000,
    avatar_upload_limit: 2_000_000,
    background_upload_limit: 4_000_000,
    banner_upload_limit: 4_000_000,
    background_image: '/images/city.jpg',
    pleroma: {
      metadata: {
        account_activation_required: true,
        features: ['pleroma_api', 'mastodon_api', 'mastodon_api_streaming', 'polls', 'quote_posting', 'editing'],
        federation: { enabled: true, exclusions: false },
        fields_limits: { max_fields: 10, max_remote_fields: 20, name_length: 512, value_length: 2048 },
        post_formats: ['text/plain', 'text/html', 'text/markdown', 'text/x.misskeymarkdown'],
      },
      stats: { mau: 12 },
    },
  };
}

/** The answer to `GET /api/v2/instance` or `/api/v1/instance`: a status and its body. */
export function instanceAnswer(seed: InstanceSeed, version: 'v1' | 'v2', contact: Json): { status: number; body: Json } {
  const missing = { status: 404, body: { error: 'Record not found' } };
  switch (seed.api) {
    case 'down':
      return { status: 503, body: { error: 'Service Unavailable' } };
    case 'none':
      return missing;
    case 'akkoma':
      return version === 'v1' ? { status: 200, body: akkomaV1(seed) } : missing;
    case 'v1':
      return version === 'v1' ? { status: 200, body: mastodonV1(seed, contact) } : missing;
    case 'v2':
      return { status: 200, body: version === 'v2' ? mastodonV2(seed, contact) : mastodonV1(seed, contact) };
  }
}
