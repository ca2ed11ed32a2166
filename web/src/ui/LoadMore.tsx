/** The end of an infinite list: loads the next page when scrolled into view, or when pressed. */
import { useEffect } from 'react';
import { Button, Center } from '@mantine/core';
import { useInViewport } from '@mantine/hooks';

export function LoadMore({
  hasMore,
  loading,
  onLoadMore,
  label,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  label: string;
}) {
  const { ref, inViewport } = useInViewport<HTMLButtonElement>();
  useEffect(() => {
    if (inViewport && hasMore && !loading) onLoadMore();
  }, [inViewport, hasMore, loading, onLoadMore]);
  if (!hasMore) return null;
  return (
    <Center mt="sm">
      <Button ref={ref} variant="subtle" size="xs" loading={loading} onClick={onLoadMore}>
        {label}
      </Button>
    </Center>
  );
}
