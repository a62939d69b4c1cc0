import { Link } from 'react-router';
import { useTexts } from '../i18n/i18n.tsx';
import { AppLayout } from '../layout/AppLayout.tsx';
import { usePageTitle } from '../layout/usePageTitle.ts';

const texts = {
  sv: { title: 'Sidan finns inte', body: 'Adressen kan vara felstavad, eller så har sidan flyttats.', home: 'Till startsidan' },
  en: { title: 'Page not found', body: 'The address may be misspelt, or the page has moved.', home: 'To the start page' },
};

/** The message alone, for use inside an area that already has its layout. */
export function NotFoundContent() {
  const t = useTexts(texts);
  usePageTitle(t.title);
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <Link to="/">{t.home}</Link>
    </>
  );
}

export default function NotFoundPage() {
  return (
    <AppLayout>
      <NotFoundContent />
    </AppLayout>
  );
}
