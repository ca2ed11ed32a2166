/** Settings, one tab per area; the tab is part of the URL. */
import { Tabs } from '@mantine/core';
import {
  IconFileText,
  IconFingerprint,
  IconForms,
  IconHeartHandshake,
  IconInboxOff,
  IconKey,
  IconPlug,
  IconRoute,
  IconClockHour4,
  IconTemplate,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { AccountSettings } from '../account/AccountSettings';
import { ApiTokensSettings } from '../api-tokens/ApiTokensSettings';
import { AuditLogSettings } from '../audit-log/AuditLogSettings';
import { usePermissions } from '../auth/permissions';
import { CannedResponsesSettings } from '../canned-responses/CannedResponsesSettings';
import { ChannelsSettings } from '../channels/ChannelsSettings';
import { DeadLettersSettings } from '../dead-letters/DeadLettersSettings';
import { CustomFieldsSettings } from '../custom-fields/CustomFieldsSettings';
import { RoutingSettingsPanel } from '../inbox-settings/RoutingSettingsPanel';
import { SlaSettingsPanel } from '../inbox-settings/SlaSettingsPanel';
import { IdentitySettingsPanel } from '../identity/IdentitySettingsPanel';
import { MembersSettings } from '../members/MembersSettings';
import { RelationshipSettingsPanel } from '../relationship/RelationshipSettingsPanel';
import { TeamsSettings } from '../teams/TeamsSettings';

const TABS = [
  { value: 'members', label: 'Members', icon: IconUsers, Panel: MembersSettings, adminOnly: false },
  { value: 'teams', label: 'Teams', icon: IconUsersGroup, Panel: TeamsSettings, adminOnly: false },
  { value: 'custom-fields', label: 'Custom fields', icon: IconForms, Panel: CustomFieldsSettings, adminOnly: false },
  { value: 'relationship', label: 'Relationship', icon: IconHeartHandshake, Panel: RelationshipSettingsPanel, adminOnly: false },
  { value: 'identity', label: 'Identity', icon: IconFingerprint, Panel: IdentitySettingsPanel, adminOnly: false },
  { value: 'channels', label: 'Channels', icon: IconPlug, Panel: ChannelsSettings, adminOnly: false },
  { value: 'routing', label: 'Routing', icon: IconRoute, Panel: RoutingSettingsPanel, adminOnly: false },
  { value: 'sla', label: 'SLA', icon: IconClockHour4, Panel: SlaSettingsPanel, adminOnly: false },
  { value: 'canned-responses', label: 'Canned responses', icon: IconTemplate, Panel: CannedResponsesSettings, adminOnly: false },
  { value: 'dead-letters', label: 'Dead letters', icon: IconInboxOff, Panel: DeadLettersSettings, adminOnly: true },
  { value: 'api-tokens', label: 'API tokens', icon: IconKey, Panel: ApiTokensSettings, adminOnly: true },
  { value: 'audit-log', label: 'Audit log', icon: IconFileText, Panel: AuditLogSettings, adminOnly: true },
  { value: 'account', label: 'Your account', icon: IconUserCircle, Panel: AccountSettings, adminOnly: false },
];

export function SettingsPage() {
  const { tab = 'members' } = useParams();
  const navigate = useNavigate();
  const { isAdmin } = usePermissions();
  const tabs = TABS.filter((t) => isAdmin || !t.adminOnly);
  if (!tabs.some((t) => t.value === tab)) return <Navigate to="/settings/members" replace />;
  return (
    <>
      <PageHeader title="Settings" />
      <Tabs value={tab} onChange={(value) => value && void navigate(`/settings/${value}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map(({ value, label, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} aria-hidden />}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value}>
            <Panel />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
