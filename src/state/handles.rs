//! Shared, identity-compared handles to data that never changes once loaded (the catalog, the fonts), so
//! props and state that carry them compare by pointer instead of field by field on every render.

use atelier_core::Catalog;
use atelier_core::text::Fonts;
use std::ops::Deref;
use std::rc::Rc;

/// A shared catalog that compares by identity: it never changes once loaded, so comparing it field by field
/// on every render would be wasted work.
#[derive(Clone, Debug)]
pub struct CatalogHandle(pub Rc<Catalog>);

impl PartialEq for CatalogHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for CatalogHandle {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        &self.0
    }
}

/// The loaded font files, shared and compared by identity: a font file never changes once fetched, and
/// comparing hundreds of kilobytes on every render would be wasted work.
#[derive(Clone, Debug, Default)]
pub struct FontsHandle(pub Rc<Fonts>);

impl PartialEq for FontsHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for FontsHandle {
    type Target = Fonts;
    fn deref(&self) -> &Fonts {
        &self.0
    }
}
