/**
 * A modal dialog with a required title and a labelled close button. Built from Modal's parts so
 * its header is a plain element: a second <header> would read as another page banner.
 */
import type { ReactNode } from 'react';
import { Modal, type ModalRootProps } from '@mantine/core';

export function Dialog({ title, children, ...props }: Omit<ModalRootProps, 'title' | 'children'> & { title: string; children: ReactNode }) {
  return (
    <Modal.Root {...props}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header {...({ component: 'div' } as object)}>
          <Modal.Title fw={600}>{title}</Modal.Title>
          <Modal.CloseButton aria-label="Close dialog" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
