import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import type { EngagementDetail } from '../api/get-engagement';
import { type LifecycleAction, useEngagementLifecycle } from '../api/lifecycle';

/** Pause (timers stop, no task can be completed) or resume, with the reason on the record. */
export function LifecycleActions({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [action, setAction] = useState<LifecycleAction | null>(null);
  const [reason, setReason] = useState('');
  const lifecycle = useEngagementLifecycle(engagement.id);

  const close = () => {
    setAction(null);
    setReason('');
    lifecycle.reset();
  };

  return (
    <>
      {engagement.can.pause ? (
        <Button icon={<Icon name="pause" />} onClick={() => setAction('pause')} data-testid="pause-engagement">
          {t('engagement.pause')}
        </Button>
      ) : null}
      {engagement.can.resume ? (
        <Button type="primary" icon={<Icon name="play" />} onClick={() => setAction('resume')} data-testid="resume-engagement">
          {t('engagement.resume')}
        </Button>
      ) : null}
      <Modal
        open={action !== null}
        title={action ? t(`engagement.${action}Title`, { name: engagement.name }) : ''}
        okText={action ? t(`engagement.${action}Confirm`) : ''}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: action === 'pause', loading: lifecycle.isPending }}
        onCancel={close}
        onOk={() => {
          if (!action) return;
          lifecycle.mutate(
            { action, reason: reason.trim() || undefined },
            {
              onSuccess: () => {
                void message.success(t(`engagement.${action}Done`));
                close();
              },
            },
          );
        }}
      >
        <p className="gz-muted">{action ? t(`engagement.${action}Explain`) : null}</p>
        <Input.TextArea
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={1000}
          showCount
          autoSize={{ minRows: 3, maxRows: 6 }}
          placeholder={t('engagement.reasonPlaceholder')}
          aria-label={t('engagement.reason')}
        />
        {lifecycle.error ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={lifecycle.error} compact />
          </div>
        ) : null}
      </Modal>
    </>
  );
}
