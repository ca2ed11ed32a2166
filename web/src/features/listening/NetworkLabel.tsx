/** The network a mention was heard on, with its icon; networks Rapport does not know show by name. */
import { Group, Text } from '@mantine/core';
import { NETWORKS, type Network } from '../../lib/types';
import { NETWORK_META } from '../channels/networks';

const isNetwork = (value: string): value is Network => (NETWORKS as readonly string[]).includes(value);

export function networkName(network: string): string {
  return isNetwork(network) ? NETWORK_META[network].label : network;
}

export function NetworkLabel({ network }: { network: string }) {
  const Icon = isNetwork(network) ? NETWORK_META[network].icon : null;
  return (
    <Group gap={4} wrap="nowrap" component="span">
      {Icon && <Icon size={14} aria-hidden />}
      <Text span size="xs" c="dimmed">
        {networkName(network)}
      </Text>
    </Group>
  );
}
