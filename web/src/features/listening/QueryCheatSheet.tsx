/** A short reminder of the query syntax beside the editor; the full guide is docs/query-language.md. */
import { Accordion, Code, Table, Text } from '@mantine/core';

const SYNTAX: [string, string][] = [
  ['acme AND phone', 'both words (a space also means AND)'],
  ['acme OR acmecorp', 'either'],
  ['acme -jobs, acme NOT jobs', 'without'],
  ['(acme OR acmecorp) AND NOT hiring', 'grouping'],
  ['"battery life"', 'the exact phrase'],
  ['"battery life"~3', 'the words within 3 words of each other'],
  ['colo*, organi?ation', '* any characters, ? exactly one'],
  ['apple NEAR/2 pie', 'at most 2 words apart, either order'],
  ['summer NEAR/1f holiday', 'the same, first word first'],
  ['#BlackFriday, @acme', 'a hashtag, a mention of an account'],
  ['{Apple}', 'exactly this case and accents'],
  ['author:alice, channel:mastodon', 'by an author, on a network'],
  ['lang:fr, site:example.com, url:example.com/blog', 'language, domain, address'],
  ['sentiment:negative, intent:complaint', 'what Rapport understood of the message'],
];

export function QueryCheatSheet() {
  return (
    <Accordion variant="contained" chevronPosition="left">
      <Accordion.Item value="syntax">
        <Accordion.Control>Query syntax</Accordion.Control>
        <Accordion.Panel>
          <Table fz="xs" verticalSpacing={4} withRowBorders={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Write</Table.Th>
                <Table.Th>To find</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {SYNTAX.map(([example, meaning]) => (
                <Table.Tr key={example}>
                  <Table.Td>
                    <Code>{example}</Code>
                  </Table.Td>
                  <Table.Td>{meaning}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="xs">
            Operators are written in capitals. Matching ignores case and accents, except inside {'{…}'}.
          </Text>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
