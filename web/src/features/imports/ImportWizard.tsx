/**
 * Importing contacts or companies: choose what the file holds, upload it, map its columns, then
 * follow the import to its report. Opened from the contacts list for contacts, from the companies
 * list for companies; the choice can be changed until a file is uploaded.
 */
import { useState } from 'react';
import { Button, Stepper } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUpload } from '@tabler/icons-react';
import { useImportJob } from './api';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportProgress } from './ImportProgress';
import { ImportUploadStep } from './ImportUploadStep';
import type { ImportDraft, ImportTarget } from './types';
import { Dialog } from '../../ui/Dialog';

export function ImportButton({ target = 'contacts' }: { target?: ImportTarget }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [chosen, setChosen] = useState<ImportTarget>(target);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconUpload size={16} />}
        onClick={() => {
          setChosen(target);
          open();
        }}
      >
        Import
      </Button>
      <Dialog opened={opened} onClose={close} title={`Import ${chosen}`} size="xl" closeOnClickOutside={false}>
        {opened && <ImportWizard target={chosen} onTarget={setChosen} onClose={close} />}
      </Dialog>
    </>
  );
}

function ImportWizard({
  target,
  onTarget,
  onClose,
}: {
  target: ImportTarget;
  onTarget: (target: ImportTarget) => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<ImportDraft | null>(null);
  const [started, setStarted] = useState(false);
  const job = useImportJob(started && draft ? draft.id : null);
  const finished = job.data?.status === 'done' || job.data?.status === 'failed';
  const step = finished ? 3 : started ? 2 : draft ? 1 : 0;
  return (
    <Stepper active={step} size="sm" allowNextStepsSelect={false}>
      <Stepper.Step label="Upload" description={target === 'companies' ? 'CSV' : 'CSV, vCard or JSON'}>
        <ImportUploadStep target={target} onTarget={onTarget} onUploaded={setDraft} />
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
