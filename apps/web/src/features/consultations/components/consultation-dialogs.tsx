import { type Consultation } from '../api/consultations';
import { ConsultationDrawer } from './consultation-drawer';
import { ConsultationForm } from './consultation-form';
import { type TaskRef } from './consultation-parts';

/**
 * The opening form and the detail drawer a list of consultations shows: the new consultation opens
 * in the drawer. `task`: the form is about this task (a task's page); otherwise it offers `tasks`.
 */
export function ConsultationDialogs({
  engagementId,
  myId,
  tasks,
  task,
  isOpening,
  onCloseForm,
  openId,
  items,
  show,
}: {
  engagementId: string;
  myId: string | undefined;
  tasks: readonly TaskRef[];
  task?: TaskRef;
  isOpening: boolean;
  onCloseForm: () => void;
  /** The consultation open in the drawer, if any. */
  openId: string | null;
  /** The list's consultations: the drawer shows the one it opens while its own request runs. */
  items: readonly Consultation[];
  show: (id: string | null) => void;
}) {
  const opened = openId ? items.find((item) => item.id === openId) : undefined;
  return (
    <>
      {isOpening ? (
        <ConsultationForm
          engagementId={engagementId}
          myId={myId}
          {...(task ? { task } : { tasks })}
          onClose={onCloseForm}
          onOpened={(consultation) => show(consultation.id)}
        />
      ) : null}
      {openId ? (
        <ConsultationDrawer
          key={openId}
          engagementId={engagementId}
          consultationId={openId}
          {...(opened ? { placeholder: opened } : {})}
          tasks={tasks}
          onClose={() => show(null)}
        />
      ) : null}
    </>
  );
}
