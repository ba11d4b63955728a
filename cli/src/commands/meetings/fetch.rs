//! Downloading a meeting list from an http(s) URL: the only network use of One Day, and only when
//! the user gives a URL to `oneday meetings import`.
//!
//! - One GET with a neutral `User-Agent: oneday`, no cookies, nothing else sent about the user.
//! - Timeouts: connecting, waiting for the answer, and each read of the body (a stalled server
//!   fails instead of hanging); a slow but moving download is not cut off.
//! - At most [`MAX_FEED_BYTES`] are read, through core's one bounded reader
//!   ([`oneday_core::input`]): a larger `Content-Length` is refused before the body is read, and a
//!   body that runs past the limit is refused as soon as it does, so a hostile server cannot fill
//!   memory.
//! - Errors name what went wrong (no answer, HTTP status, too large), never the URL or anything the
//!   server sent: which list someone downloads says where they live.

use std::io::Read;
use std::time::Duration;

use oneday_core::input::{self, InputError};
use oneday_core::meetings::MAX_FEED_BYTES;
use thiserror::Error;

/// How long to wait for a connection (DNS, TCP and TLS).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);
/// How long to wait for the answer's headers once connected.
const RESPONSE_TIMEOUT: Duration = Duration::from_secs(60);
/// How long one read of the body may wait for data.
const READ_TIMEOUT: Duration = Duration::from_secs(60);

/// Why a meeting list could not be downloaded.
#[derive(Debug, Error)]
pub enum FetchError {
    /// The text is not a URL that can be fetched.
    #[error("that is not a URL that can be downloaded (it needs http:// or https:// and a host)")]
    BadUrl,
    /// The server answered with an error status.
    #[error("could not download the meeting list: the server answered HTTP {status}")]
    Status {
        /// The HTTP status code.
        status: u16,
    },
    /// The meeting list is larger than the core imports.
    #[error(
        "the meeting list at that URL is larger than {max} bytes, the most that can be imported"
    )]
    TooLarge {
        /// The limit ([`MAX_FEED_BYTES`]).
        max: usize,
    },
    /// No answer, or the connection broke.
    #[error("could not download the meeting list: {0}")]
    Network(NetworkFailure),
}

/// What went wrong on the network, in words that name no host or data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum NetworkFailure {
    /// The host name could not be resolved.
    #[error("the host was not found (check the address and your connection)")]
    HostNotFound,
    /// No connection could be made.
    #[error("no connection could be made to the server")]
    ConnectionFailed,
    /// A timeout expired.
    #[error("the server did not answer in time")]
    TimedOut,
    /// The secure connection failed.
    #[error("a secure (TLS) connection could not be made")]
    Tls,
    /// Redirects went on and on.
    #[error("the server redirected too many times")]
    TooManyRedirects,
    /// The server's answer was not valid HTTP.
    #[error("the server's answer was not valid HTTP")]
    Protocol,
    /// The connection ended before the whole list arrived.
    #[error("the connection broke off before the whole list arrived")]
    BrokenOff,
}

/// Whether `s` is an http(s) URL (anything else is a file path).
pub fn is_url(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The host name of an http(s) URL, lower-cased, to name the list it holds.
pub fn host_of(url: &str) -> Result<String, FetchError> {
    let uri: ureq::http::Uri = url.trim().parse().map_err(|_| FetchError::BadUrl)?;
    uri.host()
        .filter(|h| !h.is_empty())
        .map(str::to_ascii_lowercase)
        .ok_or(FetchError::BadUrl)
}

/// Downloads `url`, calling `progress(bytes so far, Content-Length when the server gave one)` as
/// the body arrives. Returns the body, at most [`MAX_FEED_BYTES`] long.
pub fn download(
    url: &str,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<Vec<u8>, FetchError> {
    host_of(url)?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .user_agent("oneday")
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .timeout_recv_response(Some(RESPONSE_TIMEOUT))
        .timeout_per_read(Some(READ_TIMEOUT))
        .build()
        .into();
    let mut response = agent.get(url.trim()).call().map_err(|e| classify(&e))?;
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status {
            status: status.as_u16(),
        });
    }
    let max = MAX_FEED_BYTES as u64;
    let length = response.body().content_length();
    if length.is_some_and(|n| n > max) {
        return Err(FetchError::TooLarge {
            max: MAX_FEED_BYTES,
        });
    }
    read_capped(response.body_mut().as_reader(), length, progress)
}

/// Reads the body through core's bounded reader, refusing it as soon as more than
/// [`MAX_FEED_BYTES`] arrived.
fn read_capped(
    reader: impl Read,
    length: Option<u64>,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<Vec<u8>, FetchError> {
    progress(0, length);
    input::read_bounded_with_progress(reader, MAX_FEED_BYTES, &mut |n| progress(n, length)).map_err(
        |e| match e {
            InputError::TooLarge { limit } => FetchError::TooLarge { max: limit },
            InputError::Io(e) => classify_io(&e),
        },
    )
}

/// The error for a failed request, without the URL or anything the server sent.
fn classify(e: &ureq::Error) -> FetchError {
    use ureq::Error as E;
    let failure = match e {
        E::BadUri(_) | E::Http(_) => return FetchError::BadUrl,
        E::StatusCode(status) => return FetchError::Status { status: *status },
        E::HostNotFound => NetworkFailure::HostNotFound,
        E::Timeout(_) => NetworkFailure::TimedOut,
        E::TooManyRedirects | E::RedirectFailed => NetworkFailure::TooManyRedirects,
        E::Tls(_) | E::Pem(_) | E::Rustls(_) => NetworkFailure::Tls,
        E::Protocol(_) => NetworkFailure::Protocol,
        E::Io(io) => return classify_io(io),
        _ => NetworkFailure::ConnectionFailed,
    };
    FetchError::Network(failure)
}

/// The error for a failed read, looking through ureq's own errors wrapped in `io::Error`.
fn classify_io(e: &std::io::Error) -> FetchError {
    if let Some(inner) = e.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()) {
        return classify(inner);
    }
    use std::io::ErrorKind as K;
    FetchError::Network(match e.kind() {
        K::TimedOut | K::WouldBlock => NetworkFailure::TimedOut,
        K::ConnectionRefused | K::AddrNotAvailable | K::NetworkUnreachable | K::HostUnreachable => {
            NetworkFailure::ConnectionFailed
        }
        _ => NetworkFailure::BrokenOff,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn urls_and_hosts() {
        assert!(is_url("https://example.org/feed.json"));
        assert!(is_url(" HTTP://example.org"));
        assert!(!is_url("feed.json"));
        assert!(!is_url("ftp://example.org/feed.json"));
        assert_eq!(
            host_of("https://Meetings.Example.org:8443/a/b.json?x=1").unwrap(),
            "meetings.example.org"
        );
        assert!(matches!(host_of("https://"), Err(FetchError::BadUrl)));
        assert!(matches!(host_of("http:// bad"), Err(FetchError::BadUrl)));
    }

    #[test]
    fn the_cap_is_enforced_while_reading() {
        // One byte over the limit, from a reader that never says how long it is.
        let big = std::io::repeat(b' ').take(MAX_FEED_BYTES as u64 + 1);
        let mut last = 0;
        let err = read_capped(big, None, &mut |n, _| last = n).unwrap_err();
        assert!(matches!(err, FetchError::TooLarge { max } if max == MAX_FEED_BYTES));
        assert!(last <= MAX_FEED_BYTES as u64);

        let mut seen = Vec::new();
        let body = read_capped(&b"[1,2,3]"[..], Some(7), &mut |n, len| {
            seen.push((n, len));
        })
        .unwrap();
        assert_eq!(body, b"[1,2,3]");
        assert_eq!(seen, [(0, Some(7)), (7, Some(7))]);
    }

    #[test]
    fn messages_name_no_url() {
        let e = classify(&ureq::Error::BadUri("https://secret.example/x".into()));
        assert!(matches!(e, FetchError::BadUrl));
        assert!(!e.to_string().contains("secret"));
        let broke = std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "peer");
        assert!(matches!(
            classify_io(&broke),
            FetchError::Network(NetworkFailure::BrokenOff)
        ));
        let wrapped = ureq::Error::Timeout(ureq::Timeout::PerRead).into_io();
        assert!(matches!(
            classify_io(&wrapped),
            FetchError::Network(NetworkFailure::TimedOut)
        ));
    }
}
