/** Importing contacts: upload a file, map its columns, then follow the import to its report. */
import { useState } from 'react';
import { Button, Stepper } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUpload } from '@tabler/icons-react';
import { useImportJob } from './api';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportProgress } from './ImportProgress';
import { ImportUploadStep } from './ImportUploadStep';
import type { ImportDraft } from './types';
import { Dialog } from '../../ui/Dialog';

export function ImportButton() {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" leftSection={<IconUpload size={16} />} onClick={open}>
        Import
      </Button>
      <Dialog opened={opened} onClose={close} title="Import contacts" size="xl" closeOnClickOutside={false}>
        {opened && <ImportWizard onClose={close} />}
      </Dialog>
    </>
  );
}

function ImportWizard({ onClose }: { onClose: () => void }) {
  const [draft, setDraft] = useState<ImportDraft | null>(null);
  const [started, setStarted] = useState(false);
  const job = useImportJob(started && draft ? draft.id : null);
  const finished = job.data?.status === 'done' || job.data?.status === 'failed';
  const step = finished ? 3 : started ? 2 : draft ? 1 : 0;
  return (
    <Stepper active={step} size="sm" allowNextStepsSelect={false}>
      <Stepper.Step label="Upload" description="CSV, vCard or JSON">
        <ImportUploadStep onUploaded={setDraft} />
      </Stepper.Step>
      <Stepper.Step label="Map columns" description="Choose target fields">
        {draft && <ImportMappingStep draft={draft} onStarted={() => setStarted(true)} onBack={() => setDraft(null)} />}
      </Stepper.Step>
      <Stepper.Step label="Import" description="Progress and report">
        {draft && <ImportProgress importId={draft.id} onClose={onClose} />}
      </Stepper.Step>
      <Stepper.Completed>{draft && <ImportProgress importId={draft.id} onClose={onClose} />}</Stepper.Completed>
    </Stepper>
  );
}
