import { NavLink } from 'react-router';

/** The navigation of one area (patient, staff, admin): a labelled list of links, the current one marked. */
export function AreaNav({ label, links }: { label: string; links: { to: string; text: string; end?: boolean }[] }) {
  return (
    <nav className="area-nav" aria-label={label}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.text}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
