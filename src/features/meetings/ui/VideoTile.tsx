import { useEffect, useRef, type ReactNode } from 'react';

/**
 * One person's video with their name. Your own picture is mirrored (as in a mirror, which is
 * what people expect) and muted (no echo of yourself); others' sound plays through it.
 */
export function VideoTile(props: { stream: MediaStream | null; name: string; label: string; self?: boolean; status?: ReactNode; participantId?: string }) {
  const video = useRef<HTMLVideoElement>(null);
  const { stream } = props;
  const hasVideo = (stream?.getVideoTracks().length ?? 0) > 0;

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    element.srcObject = stream;
    // Autoplay can be refused before the person has used the page; the next click starts it.
    if (stream) void element.play().catch(() => {});
  }, [stream]);

  return (
    <figure className={`meeting-tile${props.self ? ' meeting-tile--self' : ''}`} data-participant={props.participantId}>
      {stream && hasVideo ? (
        <video ref={video} className="meeting-tile__video" autoPlay playsInline muted={props.self} aria-label={props.label} />
      ) : (
        <div className="meeting-tile__placeholder" aria-hidden="true">
          {props.name.slice(0, 1).toUpperCase()}
          {/* Sound without a picture still needs an element to play through. */}
          {stream && !props.self && <video ref={video} className="visually-hidden" autoPlay playsInline />}
        </div>
      )}
      <figcaption className="meeting-tile__caption">
        <span className="meeting-tile__name">{props.name}</span>
        {props.status}
      </figcaption>
    </figure>
  );
}
