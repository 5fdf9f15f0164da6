//! The photo the shopper chose and where reading it stands: a hook that checks the file, extracts its
//! palette (in the worker when it can) and keeps the photo's object URL, released when a new photo replaces
//! it or the section goes away. It also marks "palette on screen" for the bench. It draws nothing.

use crate::photo::{self, Extracted, PhotoError, Stage};
use atelier_core::photo_palette::PaletteColor;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::File;
use yew::prelude::*;

/// A photo read: its object URL (for the `<img>`) and its palette.
#[derive(Clone, PartialEq)]
pub struct Photo {
    /// The object URL of the file.
    pub url: String,
    /// Its dominant colors, largest share first.
    pub palette: Vec<PaletteColor>,
    /// Whether the palette worker found the palette (shown as `data-extractor` for the browser test).
    pub in_worker: bool,
}

/// Where reading a photo stands.
#[derive(Clone, PartialEq)]
pub enum PhotoStatus {
    /// Nothing happening.
    Idle,
    /// Reading, at this stage.
    Working(Stage),
    /// The last file could not be read.
    Failed(PhotoError),
}

/// What [`use_photo`] gives the section.
pub struct UsePhoto {
    /// The last photo read, if any (a failed one leaves the previous in place).
    pub photo: UseStateHandle<Option<Rc<Photo>>>,
    /// Where reading stands.
    pub status: UseStateHandle<PhotoStatus>,
    /// The palette color chosen for suggestions (back to the first with each new photo).
    pub chosen: UseStateHandle<usize>,
    /// Reads a file the shopper chose, dropped or took.
    pub take: Rc<dyn Fn(File)>,
}

fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// The photo state of the section and the function that reads a new file into it.
#[hook]
pub fn use_photo() -> UsePhoto {
    let photo = use_state(|| None::<Rc<Photo>>);
    let status = use_state(|| PhotoStatus::Idle);
    let chosen = use_state(|| 0usize);
    let started = use_mut_ref(|| None::<f64>);
    let current_url = use_mut_ref(|| None::<String>);

    // The object URL is released when the component goes away (a new photo releases the old one itself).
    {
        let current_url = current_url.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(url) = current_url.borrow_mut().take() {
                    revoke(&url);
                }
            }
        });
    }
    // "Palette on screen": measured after the render that shows it, for the bench.
    {
        let started = started.clone();
        use_effect_with(photo.clone(), move |p| {
            if p.is_some()
                && let Some(t) = started.borrow_mut().take()
            {
                photo::measure("atelier:palette", t);
            }
        });
    }

    let take = {
        let (photo, status, chosen) = (photo.clone(), status.clone(), chosen.clone());
        Rc::new(move |file: File| {
            if let Err(e) = photo::check(&file) {
                status.set(PhotoStatus::Failed(e));
                return;
            }
            *started.borrow_mut() = web_sys::window()
                .and_then(|w| w.performance())
                .map(|p| p.now());
            status.set(PhotoStatus::Working(Stage::Decoding));
            let (photo, status, chosen, current_url) = (
                photo.clone(),
                status.clone(),
                chosen.clone(),
                current_url.clone(),
            );
            wasm_bindgen_futures::spawn_local(read(file, photo, status, chosen, current_url));
        })
    };
    UsePhoto {
        photo,
        status,
        chosen,
        take,
    }
}

/// Extracts the palette of `file`, reporting each stage, then shows it with a fresh object URL.
async fn read(
    file: File,
    photo: UseStateHandle<Option<Rc<Photo>>>,
    status: UseStateHandle<PhotoStatus>,
    chosen: UseStateHandle<usize>,
    current_url: Rc<RefCell<Option<String>>>,
) {
    let stage = {
        let status = status.clone();
        move |stage| status.set(PhotoStatus::Working(stage))
    };
    match photo::palette_of(&file, stage).await {
        Ok(Extracted {
            palette, in_worker, ..
        }) => {
            let Ok(url) = web_sys::Url::create_object_url_with_blob(&file) else {
                status.set(PhotoStatus::Failed(PhotoError::Decode));
                return;
            };
            if let Some(old) = current_url.borrow_mut().replace(url.clone()) {
                revoke(&old);
            }
            chosen.set(0);
            status.set(PhotoStatus::Idle);
            photo.set(Some(Rc::new(Photo {
                url,
                palette,
                in_worker,
            })));
        }
        Err(e) => status.set(PhotoStatus::Failed(e)),
    }
}
