import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../../web/api/client.ts';
import { formatDateTime, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { AppLayout } from '../../../web/layout/AppLayout.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { ScrollableTable } from '../../../web/layout/ScrollableTable.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import type { SinkDeliveries } from '../contract.ts';
import './notifications.css';

const texts = {
  sv: {
    title: 'Utskick (demo)',
    intro: 'I demoläget skickar Nära inga e-postmeddelanden eller sms. De aviseringar som skulle ha skickats hamnar här i stället, de senaste 50 först. I produktion går de med e-post och sms till den som har valt att få aviseringar.',
    privacy: 'En avisering säger bara att det finns ett nytt meddelande i Nära – aldrig vad det gäller.',
    notDemo: 'Den här sidan finns bara i demoläge.',
    empty: 'Inget har skickats ännu. Svarar en medarbetare på ett ärende får patienten en avisering, om hen har valt det under Aviseringar.',
    caption: 'Utskick, senaste först',
    sentAt: 'Skickat',
    channel: 'Kanal',
    to: 'Till',
    content: 'Innehåll',
    channels: { email: 'E-post', sms: 'Sms' },
    refresh: 'Uppdatera',
  },
  en: {
    title: 'Notifications sent (demo)',
    intro: 'In demo mode Nära sends no e-mail or SMS. The notifications that would have been sent end up here instead, the latest 50 first. In production they go by e-mail and SMS to those who have chosen to be notified.',
    privacy: 'A notification only says that there is a new message in Nära – never what it is about.',
    notDemo: 'This page only exists in demo mode.',
    empty: 'Nothing has been sent yet. When staff answer a case, the patient is notified if they have chosen so under Notifications.',
    caption: 'Notifications, latest first',
    sentAt: 'Sent',
    channel: 'Channel',
    to: 'To',
    content: 'Content',
    channels: { email: 'E-mail', sms: 'SMS' },
    refresh: 'Refresh',
  },
};

/** /utskick: what the development sink took instead of sending (demo mode only). */
export default function SinkDeliveriesPage() {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const { language } = useLanguage();
  const list = useQuery({ queryKey: ['dev-notifications'], queryFn: () => api<SinkDeliveries>('GET', '/api/dev/notifications') });
  const notDemo = list.error instanceof ApiError && list.error.status === 404;
  return (
    <AppLayout>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p className="muted">{t.privacy}</p>
      {list.isPending ? (
        <PageStatus state="loading" />
      ) : notDemo ? (
        <p className="alert">{t.notDemo}</p>
      ) : list.isError ? (
        <PageStatus state="error" error={list.error} />
      ) : (
        <>
          <p>
            <button type="button" className="button button--secondary" onClick={() => void list.refetch()} disabled={list.isFetching}>
              {t.refresh}
            </button>
          </p>
          {list.data.deliveries.length === 0 ? (
            <p className="card">{t.empty}</p>
          ) : (
            <ScrollableTable label={t.caption}>
              <table>
                <caption>{t.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.sentAt}</th>
                    <th scope="col">{t.channel}</th>
                    <th scope="col">{t.to}</th>
                    <th scope="col">{t.content}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.deliveries.map((delivery) => (
                    <tr key={delivery.id}>
                      <td>{formatDateTime(delivery.sentAt, language)}</td>
                      <td>{t.channels[delivery.channel]}</td>
                      <td className="sink-deliveries__address">{delivery.address}</td>
                      <td>
                        {delivery.subject && <p className="sink-deliveries__subject">{delivery.subject}</p>}
                        <p className="sink-deliveries__text">{delivery.text}</p>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          )}
        </>
      )}
    </AppLayout>
  );
}
